-- Business metrics (issue 21, unit economics): a per-tenant definition and its daily values per scope value. A
-- value is keyed by (metric, day, scope value), so re-posting a day replaces it. An unscoped metric stores its
-- values under the empty scope value. The runtime role gets row grants through V78's default privileges.
CREATE TABLE outlay.metric_definition (
    tenant_id   text        NOT NULL,
    name        text        NOT NULL,
    unit        text        NOT NULL,
    grain       text        NOT NULL CHECK (grain = 'daily'),
    scope       text,
    description text,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, name)
);
ALTER TABLE outlay.metric_definition ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.metric_definition FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.metric_definition
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));

CREATE TABLE outlay.metric_value (
    tenant_id   text    NOT NULL,
    metric      text    NOT NULL,
    day         date    NOT NULL,
    scope_value text    NOT NULL,
    value       numeric NOT NULL CHECK (value >= 0),
    PRIMARY KEY (tenant_id, metric, day, scope_value),
    FOREIGN KEY (tenant_id, metric) REFERENCES outlay.metric_definition (tenant_id, name) ON DELETE CASCADE
);
ALTER TABLE outlay.metric_value ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.metric_value FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.metric_value
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
