-- Append-only, hash-chained audit log (one chain per tenant). before/after are stored as the exact canonical
-- JSON text that was hashed (jsonb would reorder keys and break recomputation).
CREATE TABLE outlay.audit_entry (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      text        NOT NULL,
    seq            bigint      NOT NULL,
    at             timestamptz NOT NULL,
    actor          text        NOT NULL,
    action         text        NOT NULL,
    object_type    text        NOT NULL,
    object_id      text        NOT NULL,
    before_json    text,
    after_json     text,
    request_id     text,
    client_address text,
    prev_hash      text        NOT NULL,
    hash           text        NOT NULL,
    UNIQUE (tenant_id, seq)
);
CREATE INDEX audit_entry_tenant_at ON outlay.audit_entry (tenant_id, at);

ALTER TABLE outlay.audit_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.audit_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.audit_entry
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));

-- The service may only append. (Tenant deletion, when it comes, removes a tenant's chain through a
-- dedicated, audited path that sets outlay.audit_purge for its transaction.)
CREATE FUNCTION outlay.audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('outlay.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit entries are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON outlay.audit_entry
    FOR EACH ROW EXECUTE FUNCTION outlay.audit_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON outlay.audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION outlay.audit_append_only();
