-- Contract price table (issue 20): what a tenant pays per unit of a SaaS SKU, by vendor. SaaS seat sources
-- (Microsoft 365, Salesforce) carry counts but no prices, so their charges are priced from here. Every put of a
-- (vendor, sku, valid_from) key is a new version; rows are never changed, so a charge's price can be traced to
-- the version in force when it was computed. The current price of a key is its highest version.
CREATE TABLE outlay.contract_price (
    tenant_id    text        NOT NULL REFERENCES outlay.tenant (id),
    vendor       text        NOT NULL,
    sku          text        NOT NULL,
    valid_from   date        NOT NULL,
    version      integer     NOT NULL CHECK (version >= 1),
    valid_to     date,
    unit_price   numeric     NOT NULL CHECK (unit_price >= 0),
    currency     char(3)     NOT NULL,
    term         text        NOT NULL CHECK (term IN ('month', 'year')),
    pricing_unit text        NOT NULL,
    note         text,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, vendor, sku, valid_from, version),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);

-- Append-only; only a tenant purge (V79's functions, as owner) deletes.
CREATE TRIGGER contract_price_append_only BEFORE UPDATE OR DELETE ON outlay.contract_price
    FOR EACH ROW EXECUTE FUNCTION outlay.rules_append_only();

ALTER TABLE outlay.contract_price ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.contract_price FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.contract_price
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));

DO $$
BEGIN
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON outlay.contract_price FROM %I', '${runtime_role}');
END
$$;
