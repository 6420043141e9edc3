-- Two roles from here on: the role that runs these migrations owns schema outlay and every object in it (the
-- owner); the role the service connects as (the runtime role, placeholder runtime_role = quarkus.datasource.username)
-- owns nothing and may only read and write rows. Owning a table is what lets a role switch row-level security or
-- its triggers off, so the runtime role must never own one. Everything a later migration creates gets the same
-- grants through the default privileges below; runtime DDL (ledger partitions, ANALYZE) and the purges of
-- append-only rows go through owner-defined SECURITY DEFINER functions (V79).
DO $$
DECLARE
    runtime text := '${runtime_role}';
    owner   text := current_user;
BEGIN
    IF runtime = owner THEN
        RAISE EXCEPTION 'Outlay migrations are running as the runtime role "%". Run them as the owner role instead (quarkus.flyway.username / quarkus.flyway.password, see docs/runbooks/database-roles.md).', runtime
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = runtime) THEN
        RAISE EXCEPTION 'The runtime role "%" (quarkus.datasource.username) does not exist.', runtime;
    END IF;

    EXECUTE 'REVOKE ALL ON SCHEMA outlay FROM PUBLIC';
    EXECUTE format('GRANT USAGE ON SCHEMA outlay TO %I', runtime);
    -- No TRUNCATE (it skips row triggers and policies), no TRIGGER, no REFERENCES: rows only.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA outlay TO %I', runtime);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA outlay TO %I', runtime);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA outlay GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', owner, runtime);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA outlay GRANT USAGE, SELECT ON SEQUENCES TO %I', owner, runtime);
    -- The migration history is the owner's alone.
    EXECUTE format('REVOKE ALL ON TABLE outlay.%I FROM %I', '${flyway:table}', runtime);

    -- Kogito's tables live in schema public (KIE Flyway, run as the owner too: KieMigrations). Existing ones get
    -- their grants here, the ones KIE creates after this migration through the default privileges.
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', runtime);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', runtime);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', runtime);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', owner, runtime);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', owner, runtime);
    -- PostgreSQL before 15 lets every role create objects in public (and so own them). Only the schema's owner
    -- can revoke that; elsewhere this is a no-op with a warning and the operator's runbook step covers it.
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'public' AND pg_catalog.pg_has_role(nspowner, 'USAGE')) THEN
        EXECUTE 'REVOKE CREATE ON SCHEMA public FROM PUBLIC';
    END IF;
END
$$;
