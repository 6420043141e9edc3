-- Savings findings (issue 15): what the ledger cannot say. Billing carries no attachment state and no utilization,
-- so findings read a resource inventory and daily metric aggregates next to the ledger.

-- AWS bills idle public IPv4, NAT bytes, Multi-AZ and gp2 storage under usage types and operations that FOCUS keeps
-- only as the AWS extension columns x_UsageType / x_Operation; without them billing-tier detectors see nothing.
ALTER TABLE outlay.ledger_charge ADD COLUMN x_usage_type text;
ALTER TABLE outlay.ledger_charge ADD COLUMN x_operation text;

-- One import or connection read of inventory or metrics. A failed read writes no row here and nothing below.
CREATE TABLE outlay.inventory_import (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL REFERENCES outlay.tenant (id),
    source       text        NOT NULL,   -- 'upload' or 'connection:<uuid>'
    content      text        NOT NULL CHECK (content IN ('inventory', 'metrics')),
    format       text        NOT NULL,   -- csv | json | aws-api
    file_sha256  text,
    items        integer     NOT NULL DEFAULT 0,
    samples      integer     NOT NULL DEFAULT 0,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inventory_import_tenant ON outlay.inventory_import (tenant_id, created_at DESC);

-- The latest known state of each resource. A later full read of the same source that no longer lists a resource
-- sets present = false (the finding on it is closed with that reason), it is not deleted.
CREATE TABLE outlay.inventory_item (
    tenant_id    text        NOT NULL REFERENCES outlay.tenant (id),
    resource_id  text        NOT NULL,   -- as the ledger's resource_id spells it
    provider     text        NOT NULL,
    account_id   text,
    region       text,
    zone         text,
    kind         text        NOT NULL,   -- ResourceKind wire name
    state        text,
    size         text,
    attached_to  text,
    created_at   timestamptz,
    state_since  timestamptz,
    tags         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    attributes   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    observed_at  timestamptz NOT NULL,
    source       text        NOT NULL,
    import_id    uuid        NOT NULL REFERENCES outlay.inventory_import (id),
    present      boolean     NOT NULL DEFAULT true,
    PRIMARY KEY (tenant_id, resource_id)
);

-- Daily aggregates of a resource's metric (MetricAggregator): covered_seconds below 86400 marks a gap, so a day
-- with missing samples is visible as such instead of reading as a quiet day.
CREATE TABLE outlay.metric_daily (
    tenant_id       text    NOT NULL REFERENCES outlay.tenant (id),
    resource_id     text    NOT NULL,
    metric          text    NOT NULL,   -- MetricName wire name
    day             date    NOT NULL,
    average         numeric,
    maximum         numeric,
    total           numeric,
    covered_seconds integer NOT NULL CHECK (covered_seconds BETWEEN 0 AND 86400),
    import_id       uuid    NOT NULL REFERENCES outlay.inventory_import (id),
    PRIMARY KEY (tenant_id, resource_id, metric, day)
);

ALTER TABLE outlay.inventory_import ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.inventory_import FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.inventory_import
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
ALTER TABLE outlay.inventory_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.inventory_item FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.inventory_item
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
ALTER TABLE outlay.metric_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.metric_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.metric_daily
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
