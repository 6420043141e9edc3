-- Detected cost anomalies with their classification (rule version and decision-log entry) and their handling.
-- Ids are deterministic (series, day, direction, detection parameters), so re-detection updates, never duplicates.
CREATE TABLE outlay.anomaly (
    tenant_id        text        NOT NULL,
    id               text        NOT NULL,
    series           text        NOT NULL,
    sub_account      text,
    service          text,
    day              date        NOT NULL,
    direction        text        NOT NULL,
    cost             numeric     NOT NULL,
    baseline         numeric     NOT NULL,
    impact           numeric     NOT NULL,
    relative_change  numeric,
    score            double precision NOT NULL,
    volume_effect    numeric,
    rate_effect      numeric,
    cause            text,
    confidence       numeric,
    severity         text,
    routing          text,
    rule_id          text,
    explanation      text,
    version_hash     text,
    decision_id      uuid,
    status           text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'snoozed', 'resolved')),
    snoozed_until    date,
    feedback         text CHECK (feedback IN ('true_positive', 'false_positive')),
    detected_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX anomaly_day ON outlay.anomaly (tenant_id, day);

ALTER TABLE outlay.anomaly ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.anomaly FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.anomaly
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));
