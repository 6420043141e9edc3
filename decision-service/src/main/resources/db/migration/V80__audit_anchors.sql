-- Signed checkpoints of each tenant's audit chain, kept outside the chain's own table. The chain alone proves
-- that no entry was changed or removed in the middle, but not that its tail is still there: deleting the newest
-- entries leaves a valid, shorter chain. Each append also writes an anchor (seq, head hash, HMAC under a key
-- derived from the installation's secrets key); verification fails when the chain no longer reaches the newest
-- anchor or an anchored entry changed. Append-only like the chain (the same trigger function, so a tenant purge
-- removes anchors with the chain).
CREATE TABLE outlay.audit_anchor (
    tenant_id   text        NOT NULL,
    seq         bigint      NOT NULL,
    head_hash   text        NOT NULL,
    anchored_at timestamptz NOT NULL,
    key_id      text        NOT NULL,
    mac         text        NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);

ALTER TABLE outlay.audit_anchor ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.audit_anchor FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.audit_anchor
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));

CREATE TRIGGER audit_anchor_append_only BEFORE UPDATE OR DELETE ON outlay.audit_anchor
    FOR EACH ROW EXECUTE FUNCTION outlay.audit_append_only();
CREATE TRIGGER audit_anchor_no_truncate BEFORE TRUNCATE ON outlay.audit_anchor
    FOR EACH STATEMENT EXECUTE FUNCTION outlay.audit_append_only();
