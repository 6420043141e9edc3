-- Ledger: the canonical FOCUS-aligned charges of every tenant, the manifest of every ingested file, and a daily
-- rollup maintained on load. Every table carries tenant_id under a FORCEd row-level security policy.
--
-- COPY FROM refuses tables with row-level security, so loads COPY into a session-local temporary staging table
-- (no RLS, invisible to other sessions) and move rows with INSERT ... SELECT, which the WITH CHECK policy
-- verifies. Partitions (one per billing month) are created on demand by the loader and get the same policy,
-- so reading a partition directly is as isolated as reading the parent.

CREATE TABLE outlay.ingestion (
    id              uuid PRIMARY KEY,
    tenant_id       text        NOT NULL REFERENCES outlay.tenant (id),
    source          text        NOT NULL,            -- source connection id (uploads: the kind, or a given name)
    source_kind     text        NOT NULL,            -- aws-cur | focus | invoice-csv
    object_key      text        NOT NULL,            -- file name or S3 key(s)
    checksum        text,                            -- sha-256 (hex) of the bytes as received
    schema_version  text,                            -- mapping id, e.g. aws-cur-2.0/1
    status          text        NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'duplicate')),
    bytes_total     bigint,
    bytes_read      bigint      NOT NULL DEFAULT 0,
    rows_read       bigint      NOT NULL DEFAULT 0,
    rows_loaded     bigint      NOT NULL DEFAULT 0,
    rows_flagged    bigint      NOT NULL DEFAULT 0,
    rows_replaced   bigint      NOT NULL DEFAULT 0,
    flag_summary    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    billing_periods text[]      NOT NULL DEFAULT '{}',
    duplicate_of    uuid,                            -- the earlier identical ingestion (status duplicate)
    superseded_by   uuid,                            -- a newer ingestion replaced (some of) its rows
    error           jsonb,                           -- problem detail of a failure
    timings         jsonb       NOT NULL DEFAULT '{}'::jsonb,  -- phase durations in ms (parseAndCopy, partitions, replaceAndRollup)
    created_by      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz
);
CREATE INDEX ingestion_tenant_created ON outlay.ingestion (tenant_id, created_at DESC);
CREATE INDEX ingestion_tenant_checksum ON outlay.ingestion (tenant_id, source, checksum) WHERE status = 'succeeded';

ALTER TABLE outlay.ingestion ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.ingestion FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.ingestion
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));

CREATE TABLE outlay.ledger_charge (
    tenant_id                    text        NOT NULL,
    billing_period               date        NOT NULL,   -- first day of the billing month (partition key)
    source                       text        NOT NULL,
    ingestion_id                 uuid        NOT NULL,
    row_number                   bigint      NOT NULL,   -- 1-based data row in the file
    object_key                   text        NOT NULL,
    checksum                     text        NOT NULL,
    schema_version               text        NOT NULL,
    provider_name                text        NOT NULL,
    publisher_name               text,
    invoice_issuer_name          text,
    invoice_id                   text,
    billing_account_id           text        NOT NULL,
    billing_account_name         text,
    sub_account_id               text,
    sub_account_name             text,
    billing_period_start         timestamptz NOT NULL,
    billing_period_end           timestamptz NOT NULL,
    charge_period_start          timestamptz NOT NULL,
    charge_period_end            timestamptz NOT NULL,
    charge_category              text        NOT NULL,
    charge_class                 text,
    charge_frequency             text,
    charge_description           text,
    service_category             text        NOT NULL,
    service_name                 text        NOT NULL,
    resource_id                  text,
    resource_name                text,
    resource_type                text,
    region_id                    text,
    region_name                  text,
    availability_zone            text,
    sku_id                       text,
    sku_price_id                 text,
    pricing_category             text,
    pricing_quantity             numeric,
    pricing_unit                 text,
    consumed_quantity            numeric,
    consumed_unit                text,
    list_unit_price              numeric,
    contracted_unit_price        numeric,
    list_cost                    numeric     NOT NULL,
    contracted_cost              numeric     NOT NULL,
    effective_cost               numeric     NOT NULL,
    billed_cost                  numeric     NOT NULL,
    billing_currency             text        NOT NULL,
    commitment_discount_id       text,
    commitment_discount_name     text,
    commitment_discount_category text,
    commitment_discount_type     text,
    commitment_discount_status   text,
    tags                         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    flags                        text[]      NOT NULL DEFAULT '{}'
) PARTITION BY RANGE (billing_period);

CREATE INDEX ledger_charge_scope ON outlay.ledger_charge (tenant_id, source, billing_period, billing_account_id);
CREATE INDEX ledger_charge_day ON outlay.ledger_charge (tenant_id, charge_period_start);

ALTER TABLE outlay.ledger_charge ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.ledger_charge FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.ledger_charge
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));

-- Daily rollup: one row per tenant, day, source scope and reporting dimensions. Rebuilt for the replaced
-- (source, billing period, billing account) scope in the same transaction as the ledger rows.
CREATE TABLE outlay.ledger_daily (
    tenant_id          text    NOT NULL,
    day                date    NOT NULL,
    billing_period     date    NOT NULL,
    source             text    NOT NULL,
    provider_name      text    NOT NULL,
    billing_account_id text    NOT NULL,
    sub_account_id     text,
    service_name       text    NOT NULL,
    service_category   text    NOT NULL,
    region_id          text,
    charge_category    text    NOT NULL,
    billing_currency   text    NOT NULL,
    billed_cost        numeric NOT NULL,
    effective_cost     numeric NOT NULL,
    list_cost          numeric NOT NULL,
    row_count          bigint  NOT NULL,
    flagged_count      bigint  NOT NULL,
    unmapped_count     bigint  NOT NULL
);
CREATE INDEX ledger_daily_day ON outlay.ledger_daily (tenant_id, day);
CREATE INDEX ledger_daily_scope ON outlay.ledger_daily (tenant_id, source, billing_period, billing_account_id);

ALTER TABLE outlay.ledger_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.ledger_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.ledger_daily
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));
