-- Usage metering (issue 24): one row per product action that pricing counts, appended in the action's own
-- transaction. Quantities are deltas: +1/-1 for a connected source added/removed, +1 for a seat, the rows loaded
-- for a succeeded ingestion. Append-only like the audit log: a metered figure is never corrected in place (a
-- correction is a new event), and only a tenant purge (V79) deletes.
CREATE TABLE outlay.usage_event (
    tenant_id    text        NOT NULL REFERENCES outlay.tenant (id),
    id           uuid        NOT NULL,
    at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    metric       text        NOT NULL CHECK (metric IN ('connected_sources', 'ingested_rows', 'seats')),
    event        text        NOT NULL CHECK (event IN ('connection.added', 'connection.removed', 'ingestion.succeeded', 'seat.added')),
    quantity     bigint      NOT NULL,
    subject_type text        NOT NULL,
    subject_id   text        NOT NULL,
    detail       text,                   -- e.g. the connection's kind or the ingestion's source
    actor        text        NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX usage_event_tenant_metric_at ON outlay.usage_event (tenant_id, metric, at);

CREATE TRIGGER usage_event_append_only BEFORE UPDATE OR DELETE ON outlay.usage_event
    FOR EACH ROW EXECUTE FUNCTION outlay.rules_append_only();
CREATE TRIGGER usage_event_no_truncate BEFORE TRUNCATE ON outlay.usage_event
    FOR EACH STATEMENT EXECUTE FUNCTION outlay.rules_append_only();

ALTER TABLE outlay.usage_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.usage_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.usage_event
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));

DO $$
BEGIN
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON outlay.usage_event FROM %I', '${runtime_role}');
END
$$;
