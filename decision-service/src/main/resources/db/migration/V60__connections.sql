-- Per-tenant billing source connections (issue 3/8). Non-secret settings are plain JSON; credentials are one
-- AES-256-GCM sealed blob (SecretBox, bound to tenant and connection id), so a database dump or an export never
-- holds them in clear. The last poll's outcome is kept on the row for operators (GET /api/v1/connections/{id}).
CREATE TABLE outlay.connection (
    id               uuid PRIMARY KEY,
    tenant_id        text        NOT NULL REFERENCES outlay.tenant (id),
    name             text        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('aws-s3')),
    enabled          boolean     NOT NULL DEFAULT true,
    settings         jsonb       NOT NULL,
    sealed_secret    text,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    last_poll_at     timestamptz,
    last_poll_status text,
    last_poll_detail text,
    UNIQUE (tenant_id, name)
);

ALTER TABLE outlay.connection ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.connection FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.connection
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));
