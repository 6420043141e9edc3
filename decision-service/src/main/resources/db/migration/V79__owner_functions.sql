-- What the runtime role may not do itself (it owns nothing, V78) it asks owner-defined SECURITY DEFINER functions
-- to do: create and attach a ledger partition, ANALYZE one, and delete append-only rows in the two sanctioned
-- purges (a tenant's deletion, decision-log retention). Each function pins search_path (pg_temp last, so a
-- temporary object of the caller never shadows a catalog or outlay name) and names every object by schema.
--
-- The append-only triggers no longer trust a setting any session can set (outlay.tenant_purge, .audit_purge and
-- .retention_purge of V2, V41, V42 are gone): a delete passes only when outlay.purge names the purge AND the
-- current user is the table's owner, which for the runtime role is true only inside these functions.

CREATE FUNCTION outlay.purge_permitted(p_kind text, p_table oid) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT coalesce(current_setting('outlay.purge', true) = p_kind, false)
       AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = p_table AND c.relowner =
                       (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user))
$$;

CREATE OR REPLACE FUNCTION outlay.audit_append_only() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' AND outlay.purge_permitted('tenant', TG_RELID) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit entries are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE FUNCTION outlay.rules_append_only() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' AND outlay.purge_permitted('tenant', TG_RELID) THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'decision_log' AND outlay.purge_permitted('retention', TG_RELID) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE FUNCTION outlay.rule_set_version_immutable() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF outlay.purge_permitted('tenant', TG_RELID) THEN
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

-- The purges act for the tenant the connection is bound to (outlay.tenant_id, set at every pool checkout), and
-- row-level security (FORCEd, so it binds the owner too) scopes every outlay delete to that tenant as well.
CREATE FUNCTION outlay.require_bound_tenant(p_tenant text) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF p_tenant IS NULL OR current_setting('outlay.tenant_id', true) IS DISTINCT FROM p_tenant THEN
        RAISE EXCEPTION 'the connection is not bound to tenant %', p_tenant USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

-- Decision-log retention: deletes the bound tenant's records older than the window. Returns the number deleted.
CREATE FUNCTION outlay.purge_decision_log(p_tenant text, p_older_than_days integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    deleted bigint;
BEGIN
    IF p_older_than_days IS NULL OR p_older_than_days <= 0 THEN
        RAISE EXCEPTION 'retention window must be positive, got %', p_older_than_days USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM outlay.require_bound_tenant(p_tenant);
    PERFORM pg_catalog.set_config('outlay.purge', 'retention', true);
    DELETE FROM outlay.decision_log
    WHERE tenant_id = p_tenant AND at < pg_catalog.now() - pg_catalog.make_interval(days => p_older_than_days);
    GET DIAGNOSTICS deleted = ROW_COUNT;
    PERFORM pg_catalog.set_config('outlay.purge', '', true);
    RETURN deleted;
END $$;

-- A tenant's deletion, once confirmed and due (outlay.tenant_deletion): its Kogito rows in schema public (which
-- carry no tenant: found through the process instances and tasks the tenant's rows link to), then every row of
-- every tenant-owned table in schema outlay (found from the catalog, so tables of later migrations are covered),
-- in foreign-key order, then a tombstone and the tenant itself. Returns the deleted row counts, or NULL when the
-- tenant has no confirmed deletion that is due.
CREATE FUNCTION outlay.purge_tenant(p_tenant text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    requested text;
    confirmed text;
    counts    jsonb := '{}'::jsonb;
    processes text[];
    tasks     text[];
    more      text[];
    patterns  text[];
    remaining text[];
    picked    text;
    candidate text;
    child     text;
    n         bigint;
BEGIN
    PERFORM outlay.require_bound_tenant(p_tenant);
    SELECT d.requested_by, d.confirmed_by INTO requested, confirmed
    FROM outlay.tenant_deletion d
    WHERE d.tenant_id = p_tenant AND d.confirmed_at IS NOT NULL AND d.effective_after <= pg_catalog.now()
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    PERFORM pg_catalog.set_config('outlay.purge', 'tenant', true);

    -- Kogito (KIE Flyway tables; each may be absent when its addon is not installed).
    processes := ARRAY(SELECT s.process_instance_id FROM outlay.spend_request s WHERE s.tenant_id = p_tenant AND s.process_instance_id IS NOT NULL
                       UNION SELECT v.process_instance_id FROM outlay.policy_violation v WHERE v.tenant_id = p_tenant AND v.process_instance_id IS NOT NULL);
    tasks := ARRAY(SELECT a.task_id FROM outlay.approval_task a WHERE a.tenant_id = p_tenant);
    IF pg_catalog.to_regclass('public.jbpm_user_tasks_metadata') IS NOT NULL AND pg_catalog.cardinality(processes) > 0 THEN
        -- Metadata values are stored JSON-encoded (a string keeps its quotes).
        EXECUTE 'SELECT ARRAY(SELECT m.task_id::text FROM public.jbpm_user_tasks_metadata m WHERE m.metadata_name = ''ProcessInstanceId'''
                || ' AND pg_catalog.btrim(m.metadata_value::text, ''"'') = ANY ($1))' INTO more USING processes;
        tasks := ARRAY(SELECT DISTINCT t FROM pg_catalog.unnest(tasks || more) AS t);
    END IF;
    IF pg_catalog.cardinality(processes) > 0 OR pg_catalog.cardinality(tasks) > 0 THEN
        IF pg_catalog.to_regclass('public.job_details') IS NOT NULL THEN
            -- Jobs name their target in the recipient (callback URL and payload carry instance and task ids, all UUIDs).
            patterns := ARRAY(SELECT '%' || id || '%' FROM pg_catalog.unnest(processes || tasks) AS id);
            EXECUTE 'DELETE FROM public.job_details WHERE recipient::text LIKE ANY ($1)' USING patterns;
            GET DIAGNOSTICS n = ROW_COUNT;
            counts := counts || pg_catalog.jsonb_build_object('public.job_details', n);
        END IF;
        IF pg_catalog.cardinality(tasks) > 0 AND pg_catalog.to_regclass('public.jbpm_user_tasks') IS NOT NULL THEN
            -- Child tables cascade from jbpm_user_tasks in KIE's schema; deleting them explicitly keeps the counts honest.
            FOR child IN
                SELECT cl.relname FROM pg_catalog.pg_class cl JOIN pg_catalog.pg_namespace ns ON ns.oid = cl.relnamespace
                WHERE ns.nspname = 'public' AND cl.relkind = 'r' AND cl.relname LIKE 'jbpm\_user\_tasks\_%'
                  AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = cl.oid AND a.attname = 'task_id' AND NOT a.attisdropped)
                ORDER BY cl.relname
            LOOP
                EXECUTE pg_catalog.format('DELETE FROM public.%I WHERE task_id::text = ANY ($1)', child) USING tasks;
                GET DIAGNOSTICS n = ROW_COUNT;
                counts := counts || pg_catalog.jsonb_build_object('public.' || child, n);
            END LOOP;
            EXECUTE 'DELETE FROM public.jbpm_user_tasks WHERE id::text = ANY ($1)' USING tasks;
            GET DIAGNOSTICS n = ROW_COUNT;
            counts := counts || pg_catalog.jsonb_build_object('public.jbpm_user_tasks', n);
        END IF;
        IF pg_catalog.cardinality(processes) > 0 THEN
            IF pg_catalog.to_regclass('public.correlation_instances') IS NOT NULL THEN
                EXECUTE 'DELETE FROM public.correlation_instances WHERE correlated_id::text = ANY ($1)' USING processes;
                GET DIAGNOSTICS n = ROW_COUNT;
                counts := counts || pg_catalog.jsonb_build_object('public.correlation_instances', n);
            END IF;
            IF pg_catalog.to_regclass('public.business_key_mapping') IS NOT NULL THEN
                EXECUTE 'DELETE FROM public.business_key_mapping WHERE process_instance_id::text = ANY ($1)' USING processes;
                GET DIAGNOSTICS n = ROW_COUNT;
                counts := counts || pg_catalog.jsonb_build_object('public.business_key_mapping', n);
            END IF;
            IF pg_catalog.to_regclass('public.process_instances') IS NOT NULL THEN
                EXECUTE 'DELETE FROM public.process_instances WHERE id::text = ANY ($1)' USING processes;
                GET DIAGNOSTICS n = ROW_COUNT;
                counts := counts || pg_catalog.jsonb_build_object('public.process_instances', n);
            END IF;
        END IF;
    END IF;

    -- Every tenant-owned table (a tenant_id column; the two global lifecycle tables excepted), referencing tables
    -- before the tables they reference. A deferred foreign key is checked at commit, when both sides are gone.
    remaining := ARRAY(
        SELECT cl.relname::text FROM pg_catalog.pg_class cl JOIN pg_catalog.pg_namespace ns ON ns.oid = cl.relnamespace
        WHERE ns.nspname = 'outlay' AND cl.relkind IN ('r', 'p') AND NOT cl.relispartition
          AND cl.relname NOT IN ('tenant_deletion', 'tenant_tombstone')
          AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = cl.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
        ORDER BY cl.relname);
    WHILE pg_catalog.cardinality(remaining) > 0 LOOP
        picked := NULL;
        FOREACH candidate IN ARRAY remaining LOOP
            IF NOT EXISTS (
                SELECT 1 FROM pg_catalog.pg_constraint k
                JOIN pg_catalog.pg_class src ON src.oid = k.conrelid
                JOIN pg_catalog.pg_class dst ON dst.oid = k.confrelid
                JOIN pg_catalog.pg_namespace ns ON ns.oid = src.relnamespace
                WHERE k.contype = 'f' AND ns.nspname = 'outlay' AND dst.relname = candidate AND src.relname <> candidate
                  AND src.relname = ANY (remaining) AND NOT (k.condeferrable AND k.condeferred)) THEN
                picked := candidate;
                EXIT;
            END IF;
        END LOOP;
        IF picked IS NULL THEN
            RAISE EXCEPTION 'tenant purge: foreign keys form a cycle among %', remaining;
        END IF;
        EXECUTE pg_catalog.format('DELETE FROM outlay.%I WHERE tenant_id = $1', picked) USING p_tenant;
        GET DIAGNOSTICS n = ROW_COUNT;
        counts := counts || pg_catalog.jsonb_build_object(picked, n);
        remaining := pg_catalog.array_remove(remaining, picked);
    END LOOP;

    INSERT INTO outlay.tenant_tombstone (tenant_id, requested_by, confirmed_by, row_counts)
    VALUES (p_tenant, requested, confirmed, counts::text);
    DELETE FROM outlay.tenant WHERE id = p_tenant;
    PERFORM pg_catalog.set_config('outlay.purge', '', true);
    RETURN counts;
END $$;

-- A monthly partition of the ledger, created on its own and then attached (CREATE TABLE .. PARTITION OF would
-- take an exclusive lock on the parent and wait for every running load; ATTACH does not), with the parent's
-- tenant policy (a query naming the partition directly must be as isolated as one through the parent) and a
-- CHECK that lets ATTACH skip its validation scan. Serialised by an advisory lock; returns false when the
-- partition already exists.
CREATE FUNCTION outlay.create_ledger_partition(p_month date) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    month_start date;
    part  text;
BEGIN
    IF p_month IS NULL OR pg_catalog.date_part('year', p_month) NOT BETWEEN 1000 AND 9999 THEN
        RAISE EXCEPTION 'no ledger partition for billing month %', p_month USING ERRCODE = 'invalid_parameter_value';
    END IF;
    month_start := pg_catalog.date_trunc('month', p_month)::date;
    part := 'ledger_charge_y' || pg_catalog.to_char(month_start, 'YYYY') || 'm' || pg_catalog.to_char(month_start, 'MM');
    PERFORM pg_catalog.pg_advisory_xact_lock(8031453519325757441); -- 0x6f75746c61790001: "outlay" + 1
    -- Each statement of a volatile function reads a fresh snapshot: this sees a partition committed while we waited.
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
               WHERE ns.nspname = 'outlay' AND c.relname = part) THEN
        RETURN false;
    END IF;
    EXECUTE pg_catalog.format('CREATE TABLE outlay.%I (LIKE outlay.ledger_charge INCLUDING DEFAULTS)', part);
    EXECUTE pg_catalog.format('ALTER TABLE outlay.%I ENABLE ROW LEVEL SECURITY', part);
    EXECUTE pg_catalog.format('ALTER TABLE outlay.%I FORCE ROW LEVEL SECURITY', part);
    EXECUTE pg_catalog.format('CREATE POLICY tenant_isolation ON outlay.%I '
                                  || 'USING (tenant_id = (SELECT pg_catalog.current_setting(''outlay.tenant_id'', true))) '
                                  || 'WITH CHECK (tenant_id = (SELECT pg_catalog.current_setting(''outlay.tenant_id'', true)))', part);
    EXECUTE pg_catalog.format('ALTER TABLE outlay.%I ADD CONSTRAINT %I CHECK (billing_period >= %L AND billing_period < %L)',
                              part, part || '_bound', month_start, (month_start + interval '1 month')::date);
    EXECUTE pg_catalog.format('ALTER TABLE outlay.ledger_charge ATTACH PARTITION outlay.%I FOR VALUES FROM (%L) TO (%L)',
                              part, month_start, (month_start + interval '1 month')::date);
    RETURN true;
END $$;

-- Fresh statistics for a month's partition after a large load (only a table's owner may ANALYZE it).
CREATE FUNCTION outlay.analyze_ledger_partition(p_month date) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    month_start date := pg_catalog.date_trunc('month', p_month)::date;
    part  text := 'ledger_charge_y' || pg_catalog.to_char(month_start, 'YYYY') || 'm' || pg_catalog.to_char(month_start, 'MM');
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
               WHERE ns.nspname = 'outlay' AND c.relname = part AND c.relispartition) THEN
        EXECUTE pg_catalog.format('ANALYZE outlay.%I', part);
    END IF;
END $$;

-- Only the runtime role may call the definer functions (PostgreSQL grants EXECUTE to PUBLIC by default).
DO $$
DECLARE
    runtime text := '${runtime_role}';
BEGIN
    EXECUTE 'REVOKE EXECUTE ON FUNCTION outlay.purge_decision_log(text, integer), outlay.purge_tenant(text), '
                || 'outlay.create_ledger_partition(date), outlay.analyze_ledger_partition(date) FROM PUBLIC';
    EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION outlay.purge_decision_log(text, integer), outlay.purge_tenant(text), '
                || 'outlay.create_ledger_partition(date), outlay.analyze_ledger_partition(date) TO %I', runtime);
END
$$;
