-- Versioned rule sets and the decision log (issue 4). Every table is tenant-owned with row-level security.
-- Versions are immutable: only their status may change (draft -> published -> retired); the active pointer lives
-- on rule_set, and every pointer move is appended to rule_set_activation. The decision log is append-only.

CREATE TABLE outlay.rule_set (
    tenant_id   text        NOT NULL,
    name        text        NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    kind        text        NOT NULL CHECK (kind IN ('DMN', 'DRL')),
    bundled     boolean     NOT NULL DEFAULT false,
    active_hash text,
    scenarios   text        NOT NULL DEFAULT '[]',
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, name)
);

CREATE TABLE outlay.rule_set_version (
    tenant_id      text        NOT NULL,
    rule_set       text        NOT NULL,
    hash           text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    kind           text        NOT NULL CHECK (kind IN ('DMN', 'DRL')),
    content        text        NOT NULL,
    parent_hash    text,
    author         text        NOT NULL,
    created_at     timestamptz NOT NULL,
    note           text,
    engine_version text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    messages       text        NOT NULL DEFAULT '[]',
    PRIMARY KEY (tenant_id, rule_set, hash),
    FOREIGN KEY (tenant_id, rule_set) REFERENCES outlay.rule_set (tenant_id, name)
);

ALTER TABLE outlay.rule_set ADD FOREIGN KEY (tenant_id, name, active_hash)
    REFERENCES outlay.rule_set_version (tenant_id, rule_set, hash) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE outlay.rule_set_activation (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     text        NOT NULL,
    rule_set      text        NOT NULL,
    action        text        NOT NULL CHECK (action IN ('publish', 'retire')),
    hash          text        NOT NULL,
    previous_hash text,
    actor         text        NOT NULL,
    at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rule_set_activation_set ON outlay.rule_set_activation (tenant_id, rule_set, id);

CREATE TABLE outlay.decision_log (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    rule_set     text        NOT NULL,
    version_hash text        NOT NULL,
    inputs       text        NOT NULL,
    outputs      text        NOT NULL,
    caller       text        NOT NULL,
    at           timestamptz NOT NULL,
    run_id       uuid,
    row_count    integer     NOT NULL DEFAULT 1
);
CREATE INDEX decision_log_set_at ON outlay.decision_log (tenant_id, rule_set, at DESC);
CREATE INDEX decision_log_run ON outlay.decision_log (tenant_id, run_id) WHERE run_id IS NOT NULL;

ALTER TABLE outlay.rule_set ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.rule_set FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.rule_set
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));
ALTER TABLE outlay.rule_set_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.rule_set_version FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.rule_set_version
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));
ALTER TABLE outlay.rule_set_activation ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.rule_set_activation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.rule_set_activation
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));
ALTER TABLE outlay.decision_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.decision_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.decision_log
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));

-- A version's identity and content never change; only its status moves forward.
CREATE FUNCTION outlay.rule_set_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
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
CREATE TRIGGER rule_set_version_immutable BEFORE UPDATE OR DELETE ON outlay.rule_set_version
    FOR EACH ROW EXECUTE FUNCTION outlay.rule_set_version_immutable();

CREATE FUNCTION outlay.rules_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER rule_set_activation_append_only BEFORE UPDATE OR DELETE ON outlay.rule_set_activation
    FOR EACH ROW EXECUTE FUNCTION outlay.rules_append_only();
CREATE TRIGGER decision_log_append_only BEFORE UPDATE OR DELETE ON outlay.decision_log
    FOR EACH ROW EXECUTE FUNCTION outlay.rules_append_only();
CREATE TRIGGER decision_log_no_truncate BEFORE TRUNCATE ON outlay.decision_log
    FOR EACH STATEMENT EXECUTE FUNCTION outlay.rules_append_only();
