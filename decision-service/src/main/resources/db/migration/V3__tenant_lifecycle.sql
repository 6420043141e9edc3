-- Tenant deletion is two-step (request → confirm with a one-time token) and runs after a grace period.
-- Both tables are global: the deletion job must see every tenant's pending request, and the tombstone
-- must outlive the tenant's rows.
CREATE TABLE outlay.tenant_deletion (
    tenant_id          text PRIMARY KEY REFERENCES outlay.tenant (id) ON DELETE CASCADE,
    requested_by       text        NOT NULL,
    requested_at       timestamptz NOT NULL DEFAULT now(),
    token_sha256       text        NOT NULL,
    token_expires_at   timestamptz NOT NULL,
    confirmed_by       text,
    confirmed_at       timestamptz,
    effective_after    timestamptz
);

CREATE TABLE outlay.tenant_tombstone (
    tenant_id    text        NOT NULL,
    deleted_at   timestamptz NOT NULL DEFAULT now(),
    requested_by text        NOT NULL,
    confirmed_by text        NOT NULL,
    row_counts   text        NOT NULL
);
