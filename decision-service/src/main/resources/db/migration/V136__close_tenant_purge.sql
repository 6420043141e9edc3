-- Tenant purge (V79) also removes the tenant's month-end close reviews from Kogito's tables: the running close
-- review of a period (close_period.process_instance_id) and every restatement review (close_restatement), with
-- their user tasks and timer jobs. Only the process-id list changes; the rest of the function is V79's, unchanged.
-- CREATE OR REPLACE keeps the owner, SECURITY DEFINER and the EXECUTE grants V79 set.
CREATE OR REPLACE FUNCTION outlay.purge_tenant(p_tenant text) RETURNS jsonb
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
                       UNION SELECT v.process_instance_id FROM outlay.policy_violation v WHERE v.tenant_id = p_tenant AND v.process_instance_id IS NOT NULL
                       UNION SELECT c.process_instance_id FROM outlay.close_period c WHERE c.tenant_id = p_tenant AND c.process_instance_id IS NOT NULL
                       UNION SELECT r.process_instance_id FROM outlay.close_restatement r WHERE r.tenant_id = p_tenant AND r.process_instance_id IS NOT NULL);
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
