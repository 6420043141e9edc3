-- Per-tenant detection parameters and alert thresholds (one JSON document per tenant, validated by the service,
-- absent = the documented defaults), and on each anomaly: its owner, what alert suppression made of it, and the
-- triage it started.
CREATE TABLE outlay.anomaly_settings (
    tenant_id   text        PRIMARY KEY REFERENCES outlay.tenant (id),
    settings    text        NOT NULL,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE outlay.anomaly_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.anomaly_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.anomaly_settings
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));

ALTER TABLE outlay.anomaly
    ADD COLUMN owner               text,
    ADD COLUMN alert               text CHECK (alert IN ('new', 'ongoing', 'snoozed', 'duplicate', 'below-threshold')),
    ADD COLUMN alert_id            text,
    ADD COLUMN violation_id        uuid,
    ADD COLUMN process_instance_id text;
CREATE INDEX anomaly_owner ON outlay.anomaly (tenant_id, owner, day);
