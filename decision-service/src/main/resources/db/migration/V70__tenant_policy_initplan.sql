-- Tenant isolation policies read the tenant setting once per statement instead of once per row: the same
-- predicate as a one-time sub-select (an InitPlan). Bulk inserts into the ledger evaluated
-- current_setting() for every row's WITH CHECK, a fifth of the insert's cost at millions of rows; large
-- scans gain the same way. Only policies still in the original form are rewritten; partitions get it too,
-- and new ledger partitions are created with it (LedgerPartitions.TENANT_MATCH).
DO $$
DECLARE
    p record;
BEGIN
    FOR p IN
        SELECT schemaname, tablename
        FROM pg_policies
        WHERE schemaname = 'outlay'
          AND policyname = 'tenant_isolation'
          AND qual = '(tenant_id = current_setting(''outlay.tenant_id''::text, true))'
          AND with_check = '(tenant_id = current_setting(''outlay.tenant_id''::text, true))'
    LOOP
        EXECUTE format('ALTER POLICY tenant_isolation ON %I.%I '
                           || 'USING (tenant_id = (SELECT current_setting(''outlay.tenant_id'', true))) '
                           || 'WITH CHECK (tenant_id = (SELECT current_setting(''outlay.tenant_id'', true)))',
                       p.schemaname, p.tablename);
    END LOOP;
END
$$;
