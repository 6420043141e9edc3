-- The console's single sign-on per tenant (issues 24 and 26): one OpenID Connect client registration at the tenant's
-- identity provider, how its ID token's role claim maps to Outlay roles, and whether the tenant refuses every other
-- console sign-in. The client secret is stored sealed (AES-256-GCM, bound to tenant and purpose, like connection
-- credentials) and never read back through the API.
CREATE TABLE outlay.tenant_sso (
    tenant_id            text        PRIMARY KEY REFERENCES outlay.tenant (id),
    issuer               text        NOT NULL,
    client_id            text        NOT NULL,
    client_secret_sealed text        NOT NULL,
    role_claim           text        NOT NULL,
    role_mapping         text        NOT NULL,   -- canonical JSON: claim value -> sorted Outlay roles
    sso_required         boolean     NOT NULL DEFAULT false,
    updated_by           text        NOT NULL,
    updated_at           timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE outlay.tenant_sso ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.tenant_sso FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.tenant_sso
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
