-- Decision-log retention: the retention job may delete log records older than the configured window, in a
-- transaction that sets outlay.retention_purge = on. Updates stay refused; other deletes stay refused.
CREATE OR REPLACE FUNCTION outlay.rules_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('outlay.tenant_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'decision_log' AND current_setting('outlay.retention_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
