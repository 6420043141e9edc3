-- Every money figure carries its currency (issue 14). Allocation runs split each currency's pools within that
-- currency, so statement lines, charge groups and daily owner totals get a currency column; a run keeps its
-- totals and coverage per currency (allocation_run_currency); the actuals view outlay.cost_daily says which
-- currency an amount is in, so a budget reads its own currency only. Spend requests record the conversion
-- they were decided with (when the tenant's FX rate set converted them), and violations name their currency.
ALTER TABLE outlay.allocation_line  ADD COLUMN currency text;
ALTER TABLE outlay.allocation_group ADD COLUMN currency text;
ALTER TABLE outlay.allocation_daily ADD COLUMN currency text;

CREATE TABLE outlay.allocation_run_currency (
    run_id         uuid    NOT NULL REFERENCES outlay.allocation_run (id),
    tenant_id      text    NOT NULL,
    currency       text    NOT NULL,
    total_cost     numeric NOT NULL,
    allocated_cost numeric NOT NULL,
    coverage_pct   numeric NOT NULL,
    PRIMARY KEY (run_id, currency)
);
ALTER TABLE outlay.allocation_run_currency ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.allocation_run_currency FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.allocation_run_currency
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));

-- Runs stored before this migration summed a period's charges whatever their currency. Where the period was
-- billed in one currency only, that currency is certain and is filled in; lines of a multi-currency period stay
-- NULL (they cannot be split after the fact) and readers refuse to use them (re-run the period). The tables force
-- row-level security even for their owner, so the back-fill lifts FORCE for the length of this transaction.
ALTER TABLE outlay.allocation_run   NO FORCE ROW LEVEL SECURITY;
ALTER TABLE outlay.allocation_line  NO FORCE ROW LEVEL SECURITY;
ALTER TABLE outlay.allocation_group NO FORCE ROW LEVEL SECURITY;
ALTER TABLE outlay.allocation_daily NO FORCE ROW LEVEL SECURITY;
ALTER TABLE outlay.allocation_run_currency NO FORCE ROW LEVEL SECURITY;
ALTER TABLE outlay.ledger_daily     NO FORCE ROW LEVEL SECURITY;

CREATE TEMPORARY TABLE single_currency_run ON COMMIT DROP AS
    SELECT r.id, min(d.billing_currency) AS currency
    FROM outlay.allocation_run r
    JOIN outlay.ledger_daily d ON d.tenant_id = r.tenant_id AND d.billing_period = r.billing_period
    GROUP BY r.id HAVING count(DISTINCT d.billing_currency) = 1;
UPDATE outlay.allocation_line l  SET currency = s.currency FROM single_currency_run s WHERE s.id = l.run_id;
UPDATE outlay.allocation_group g SET currency = s.currency FROM single_currency_run s WHERE s.id = g.run_id;
UPDATE outlay.allocation_daily d SET currency = s.currency FROM single_currency_run s WHERE s.id = d.run_id;
INSERT INTO outlay.allocation_run_currency (run_id, tenant_id, currency, total_cost, allocated_cost, coverage_pct)
    SELECT r.id, r.tenant_id, s.currency, r.total_cost, r.allocated_cost, r.coverage_pct
    FROM outlay.allocation_run r JOIN single_currency_run s ON s.id = r.id
    WHERE r.status = 'succeeded' AND r.total_cost IS NOT NULL;

ALTER TABLE outlay.allocation_run   FORCE ROW LEVEL SECURITY;
ALTER TABLE outlay.allocation_line  FORCE ROW LEVEL SECURITY;
ALTER TABLE outlay.allocation_group FORCE ROW LEVEL SECURITY;
ALTER TABLE outlay.allocation_daily FORCE ROW LEVEL SECURITY;
ALTER TABLE outlay.allocation_run_currency FORCE ROW LEVEL SECURITY;
ALTER TABLE outlay.ledger_daily     FORCE ROW LEVEL SECURITY;

-- New columns go last so the view keeps its existing columns (CREATE OR REPLACE keeps grants and dependants).
CREATE OR REPLACE VIEW outlay.cost_daily WITH (security_invoker = true) AS
    SELECT d.tenant_id, d.day, d.team, d.product, d.environment, d.cost_center AS cost_centre, NULL::text AS account,
           d.direct_cost AS amount, d.currency
    FROM outlay.allocation_daily d
    JOIN outlay.allocation_run r ON r.id = d.run_id AND r.status = 'succeeded' AND r.superseded_by IS NULL
    UNION ALL
    SELECT l.tenant_id, l.day, NULL, NULL, NULL, NULL, l.sub_account_id, l.effective_cost, l.billing_currency
    FROM outlay.ledger_daily l WHERE l.sub_account_id IS NOT NULL
    UNION ALL
    SELECT l.tenant_id, l.day, NULL, NULL, NULL, NULL, l.billing_account_id, l.effective_cost, l.billing_currency
    FROM outlay.ledger_daily l WHERE l.billing_account_id IS DISTINCT FROM l.sub_account_id;

-- A spend request in another currency than its budget is decided on the converted amount; the conversion is kept.
ALTER TABLE outlay.spend_request ADD COLUMN budget_currency  char(3);
ALTER TABLE outlay.spend_request ADD COLUMN converted_amount numeric;
ALTER TABLE outlay.spend_request ADD COLUMN fx_rate          numeric;
ALTER TABLE outlay.spend_request ADD COLUMN fx_rate_date     date;
ALTER TABLE outlay.spend_request ADD COLUMN fx_rate_version  text;

ALTER TABLE outlay.policy_violation ADD COLUMN currency char(3);
