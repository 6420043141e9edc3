-- Append-only tables need no UPDATE or DELETE grant for the runtime role at all: the triggers already refuse both,
-- and the purges that may delete (tenant purge, decision-log retention) run as the owner in V79's functions.
-- Without the grant a bug or a compromised session fails at the privilege check, before any trigger.
DO $$
DECLARE
    runtime text := '${runtime_role}';
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['audit_entry', 'audit_anchor', 'decision_log', 'rule_set_activation'] LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON outlay.%I FROM %I', t, runtime);
    END LOOP;
END
$$;
