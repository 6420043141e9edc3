-- Tenancy foundation. Tenant-owned tables carry tenant_id and a row-level security policy keyed on the
-- per-connection setting outlay.tenant_id (set at every pool checkout). FORCE makes the policy apply to the
-- owning role too; the service role is neither superuser nor BYPASSRLS.

CREATE TABLE outlay.tenant (
    id           text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    display_name text        NOT NULL,
    demo         boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE outlay.app_user (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  text        NOT NULL REFERENCES outlay.tenant (id),
    subject    text        NOT NULL,
    roles      text        NOT NULL DEFAULT '',
    first_seen timestamptz NOT NULL DEFAULT now(),
    last_seen  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, subject)
);

ALTER TABLE outlay.app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.app_user FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.app_user
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));
