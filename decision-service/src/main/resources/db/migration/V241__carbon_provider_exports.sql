-- Providers' own carbon exports (issue 21), stored per tenant to compare with Outlay's estimate. An import names the
-- file (SHA-256) and who loaded it; its rows replace the rows of the same provider, payer account and month from
-- earlier imports (a provider restates whole months when it refreshes its model), in one transaction.
CREATE TABLE outlay.carbon_provider_import (
    tenant_id    text        NOT NULL REFERENCES outlay.tenant (id),
    id           uuid        NOT NULL,
    provider     text        NOT NULL CHECK (provider IN ('aws')),
    file_name    text        NOT NULL,
    file_sha256  text        NOT NULL,
    rows         integer     NOT NULL,
    months       text        NOT NULL,   -- the months the file holds, comma-separated, sorted (yyyy-mm)
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE outlay.carbon_provider_emission (
    tenant_id        text        NOT NULL REFERENCES outlay.tenant (id),
    import_id        uuid        NOT NULL,
    provider         text        NOT NULL,
    month            date        NOT NULL,   -- first day of the usage month
    payer_account_id text        NOT NULL,
    usage_account_id text        NOT NULL,
    product_code     text,
    region           text,
    location         text,
    lbm_kg           numeric     NOT NULL,   -- location-based kgCO2e
    mbm_kg           numeric,                -- market-based kgCO2e
    model_version    text        NOT NULL,
    last_refresh     timestamptz,
    FOREIGN KEY (tenant_id, import_id) REFERENCES outlay.carbon_provider_import (tenant_id, id)
);
CREATE INDEX carbon_provider_emission_month ON outlay.carbon_provider_emission (tenant_id, provider, month);

ALTER TABLE outlay.carbon_provider_import ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.carbon_provider_import FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.carbon_provider_import
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));

ALTER TABLE outlay.carbon_provider_emission ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.carbon_provider_emission FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.carbon_provider_emission
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
