-- Source freshness SLI breaches (issue 17): one row per breach episode of a source, so the sli_breach event is
-- written once when a source goes stale, not on every check while it stays stale, and again after it recovered.
CREATE TABLE outlay.sli_breach (
    tenant_id      text        NOT NULL REFERENCES outlay.tenant (id),
    source         text        NOT NULL,
    sli            text        NOT NULL,   -- 'freshness'
    breached_since timestamptz NOT NULL,
    resolved_at    timestamptz,
    event_id       uuid        NOT NULL,
    detail         jsonb       NOT NULL DEFAULT '{}'::jsonb
);
-- At most one open episode per source and SLI: a concurrent second check cannot open a second one.
CREATE UNIQUE INDEX sli_breach_open ON outlay.sli_breach (tenant_id, source, sli) WHERE resolved_at IS NULL;
ALTER TABLE outlay.sli_breach ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.sli_breach FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.sli_breach
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
