-- Unit-cost KPI anomalies (series 'kpi=<name>|ccy=<currency>'): the KPI, the baseline and observed metric value and
-- unit cost, and which effect drove the move (volume: the metric changed; efficiency: the cost per unit did). For
-- these rows volume_effect + rate_effect = impact exactly, rate_effect being the efficiency effect.
ALTER TABLE outlay.anomaly
    ADD COLUMN kpi                text,
    ADD COLUMN currency           text,
    ADD COLUMN metric_baseline    numeric,
    ADD COLUMN metric_observed    numeric,
    ADD COLUMN unit_cost_baseline numeric,
    ADD COLUMN unit_cost_observed numeric,
    ADD COLUMN unit_cost_driver   text CHECK (unit_cost_driver IN ('volume', 'efficiency', 'mixed'));
