-- Carbon factor sets a tenant stores (issue 21): immutable versions keyed by the SHA-256 of their canonical JSON, so
-- an estimate that names its version can be recomputed from here. The bundled default set (CCF, transcribed) ships
-- with the service and is not stored. The newest stored set is the tenant's default; any older one stays usable.
CREATE TABLE outlay.carbon_factor_set (
    tenant_id    text        NOT NULL REFERENCES outlay.tenant (id),
    version      text        NOT NULL,   -- sha-256 (hex) of canonical_json
    name         text        NOT NULL,
    source       text        NOT NULL,
    published_on date        NOT NULL,
    retrieved_on date        NOT NULL,
    note         text,
    canonical_json text      NOT NULL,   -- text, not jsonb: the hashed bytes are kept as hashed
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, version)
);
CREATE INDEX carbon_factor_set_latest ON outlay.carbon_factor_set (tenant_id, created_at DESC);

-- Immutable and append-only; only a tenant purge (V79) deletes.
CREATE TRIGGER carbon_factor_set_append_only BEFORE UPDATE OR DELETE ON outlay.carbon_factor_set
    FOR EACH ROW EXECUTE FUNCTION outlay.rules_append_only();

ALTER TABLE outlay.carbon_factor_set ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.carbon_factor_set FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.carbon_factor_set
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));

DO $$
BEGIN
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON outlay.carbon_factor_set FROM %I', '${runtime_role}');
END
$$;
