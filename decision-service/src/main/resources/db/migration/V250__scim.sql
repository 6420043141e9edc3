-- SCIM 2.0 provisioning (issue 24): users and groups an identity provider pushes into a tenant, the mapping from
-- its groups to Outlay roles, the tenant's SCIM bearer secrets (sealed like connection secrets) and per-user
-- console session revocations (console sessions are stateless signed cookies, so ending one needs a record).

CREATE TABLE outlay.scim_user (
    tenant_id     text        NOT NULL REFERENCES outlay.tenant (id),
    id            uuid        NOT NULL,
    user_name     text        NOT NULL,   -- the Outlay subject the user's tokens carry (upn / preferred_username)
    external_id   text,
    display_name  text,
    active        boolean     NOT NULL DEFAULT true,
    attributes    text        NOT NULL,   -- the resource as last written (canonical JSON, no id/meta/groups)
    version       bigint      NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    modified_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
-- userName is case-insensitive (RFC 7643 §4.1.1: caseExact false) and unique in the tenant.
CREATE UNIQUE INDEX scim_user_name ON outlay.scim_user (tenant_id, lower(user_name));
CREATE INDEX scim_user_external ON outlay.scim_user (tenant_id, external_id);

CREATE TABLE outlay.scim_group (
    tenant_id     text        NOT NULL REFERENCES outlay.tenant (id),
    id            uuid        NOT NULL,
    display_name  text        NOT NULL,
    external_id   text,
    version       bigint      NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    modified_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX scim_group_name ON outlay.scim_group (tenant_id, lower(display_name));

CREATE TABLE outlay.scim_group_member (
    tenant_id text NOT NULL,
    group_id  uuid NOT NULL,
    user_id   uuid NOT NULL,
    PRIMARY KEY (tenant_id, group_id, user_id),
    FOREIGN KEY (tenant_id, group_id) REFERENCES outlay.scim_group (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, user_id) REFERENCES outlay.scim_user (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX scim_group_member_user ON outlay.scim_group_member (tenant_id, user_id);

-- Which Outlay roles the members of an IdP group (by its displayName) get.
CREATE TABLE outlay.scim_role_mapping (
    tenant_id  text        NOT NULL REFERENCES outlay.tenant (id),
    group_name text        NOT NULL,
    role       text        NOT NULL,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, group_name, role)
);

CREATE TABLE outlay.scim_secret (
    tenant_id  text        NOT NULL REFERENCES outlay.tenant (id),
    id         text        NOT NULL,   -- key id, part of the presented secret
    sealed     text        NOT NULL,   -- SecretBox v1, bound to tenant and key id
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    not_after  timestamptz,            -- end of the overlap window after a rotation; null while current
    revoked_at timestamptz,
    last_used_at timestamptz,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE outlay.session_revocation (
    tenant_id  text        NOT NULL REFERENCES outlay.tenant (id),
    subject    text        NOT NULL,
    revoked_at timestamptz NOT NULL,
    reason     text        NOT NULL,
    PRIMARY KEY (tenant_id, subject)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['scim_user', 'scim_group', 'scim_group_member', 'scim_role_mapping', 'scim_secret', 'session_revocation'] LOOP
        EXECUTE format('ALTER TABLE outlay.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE outlay.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON outlay.%I '
                           || 'USING (tenant_id = (SELECT current_setting(''outlay.tenant_id'', true))) '
                           || 'WITH CHECK (tenant_id = (SELECT current_setting(''outlay.tenant_id'', true)))', t);
    END LOOP;
END
$$;
