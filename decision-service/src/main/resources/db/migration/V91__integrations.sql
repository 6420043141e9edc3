-- Per-tenant outgoing integration connections (issue 17). The secret (webhook signing secret, bot token) is one
-- AES-256-GCM sealed blob (SecretBox, bound to tenant and integration id) and is never returned. A delivery names
-- its connection by (kind, name), so a routing rule stays readable and a connection can be replaced without
-- touching the rules. Test sends are kept as acceptance evidence, also after the connection is deleted.
CREATE TABLE outlay.integration (
    id            uuid PRIMARY KEY,
    tenant_id     text        NOT NULL REFERENCES outlay.tenant (id),
    name          text        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('webhook', 'slack')),
    settings      jsonb       NOT NULL,
    sealed_secret text        NOT NULL,
    healthy       boolean     NOT NULL DEFAULT true,
    health_detail text,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, kind, name)
);

CREATE TABLE outlay.integration_evidence (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      text        NOT NULL,
    integration_id uuid        NOT NULL,
    ok             boolean     NOT NULL,
    status_code    integer,
    detail         text,
    request_body   text        NOT NULL,
    tested_by      text        NOT NULL,
    at             timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX integration_evidence_of ON outlay.integration_evidence (tenant_id, integration_id, id);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['integration', 'integration_evidence'] LOOP
        EXECUTE format('ALTER TABLE outlay.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE outlay.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON outlay.%I '
                       'USING (tenant_id = (SELECT current_setting(''outlay.tenant_id'', true))) '
                       'WITH CHECK (tenant_id = (SELECT current_setting(''outlay.tenant_id'', true)))', t);
    END LOOP;
END $$;
