-- Tenant deletion is the one path that may remove append-only and immutable rows: it runs in a transaction
-- that sets outlay.tenant_purge = on (TenantDeletion.purge), deletes only the purged tenant's rows (RLS and
-- explicit predicates), and leaves a tombstone. Everything else stays refused.
CREATE OR REPLACE FUNCTION outlay.audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND (current_setting('outlay.tenant_purge', true) = 'on' OR current_setting('outlay.audit_purge', true) = 'on') THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit entries are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE FUNCTION outlay.rules_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('outlay.tenant_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE FUNCTION outlay.rule_set_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF current_setting('outlay.tenant_purge', true) = 'on' THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'rule set versions are never deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.content IS DISTINCT FROM OLD.content OR NEW.hash IS DISTINCT FROM OLD.hash OR NEW.kind IS DISTINCT FROM OLD.kind
       OR NEW.author IS DISTINCT FROM OLD.author OR NEW.created_at IS DISTINCT FROM OLD.created_at
       OR NEW.parent_hash IS DISTINCT FROM OLD.parent_hash OR NEW.rule_set IS DISTINCT FROM OLD.rule_set
       OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id THEN
        RAISE EXCEPTION 'rule set versions are immutable (only status may change)' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
