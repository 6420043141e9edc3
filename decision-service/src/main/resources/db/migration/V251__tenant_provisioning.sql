-- Tenant provisioning by the platform operator (issue 24): a tenant is active or suspended, and carries a plan with
-- its limits (canonical JSON of the typed limits; {} = none). The columns live on the global tenant registry, which
-- the operator manages and which is outside row-level security like the registry itself. Tenants that existed
-- before keep working unchanged: plan 'enterprise' with no limits.
ALTER TABLE outlay.tenant
    ADD COLUMN status            text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    ADD COLUMN status_changed_at timestamptz,
    ADD COLUMN status_reason     text,
    ADD COLUMN plan              text        NOT NULL DEFAULT 'enterprise' CHECK (plan ~ '^[a-z][a-z0-9-]{0,31}$'),
    ADD COLUMN limits            text        NOT NULL DEFAULT '{}';
