-- Savings findings (issue 15): a tenant's AWS account read for inventory and utilization is a connection of its own
-- kind next to the CUR export connections. Its settings (account, regions, role) are plain JSON like aws-s3's; keys,
-- when given, are sealed the same way. V60 declared the kind check inline, so PostgreSQL named it connection_kind_check.
ALTER TABLE outlay.connection DROP CONSTRAINT IF EXISTS connection_kind_check;
ALTER TABLE outlay.connection ADD CONSTRAINT connection_kind_check CHECK (kind IN ('aws-s3', 'aws-inventory'));

-- GET /api/v1/inventory filters by kind and state over the present items of a tenant.
CREATE INDEX inventory_item_kind ON outlay.inventory_item (tenant_id, kind, state) WHERE present;
-- The full-snapshot rule marks a source's unlisted items absent: one scan of that source's rows.
CREATE INDEX inventory_item_source ON outlay.inventory_item (tenant_id, source);
