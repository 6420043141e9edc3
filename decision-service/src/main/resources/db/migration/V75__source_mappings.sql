-- A declarative mapping stored per source (the connection name that scopes ledger rows): an invoice CSV upload
-- without a mapping part uses the one stored for its source, so a FinOps admin writes a vendor's mapping once.
-- The text is kept as written (JSON or YAML) and validated on every write; version is copied out for listing.
CREATE TABLE outlay.source_mapping (
    tenant_id  text        NOT NULL REFERENCES outlay.tenant (id),
    source     text        NOT NULL,
    kind       text        NOT NULL,
    mapping    text        NOT NULL,
    version    text        NOT NULL,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, source)
);

ALTER TABLE outlay.source_mapping ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.source_mapping FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.source_mapping
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
