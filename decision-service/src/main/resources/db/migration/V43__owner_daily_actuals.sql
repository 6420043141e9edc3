-- Daily direct cost per owner of each allocation run, and the actuals view budgets read: owner scopes from the
-- runs in force (latest, not superseded), account scopes straight from the ledger's daily rollup.
CREATE TABLE outlay.allocation_daily (
    run_id      uuid    NOT NULL REFERENCES outlay.allocation_run (id),
    tenant_id   text    NOT NULL,
    day         date    NOT NULL,
    team        text    NOT NULL,
    product     text    NOT NULL,
    environment text    NOT NULL,
    cost_center text    NOT NULL,
    direct_cost numeric NOT NULL
);
CREATE INDEX allocation_daily_run ON outlay.allocation_daily (run_id, day);

ALTER TABLE outlay.allocation_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.allocation_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.allocation_daily
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));

-- security_invoker: the caller's row-level security applies through the view.
CREATE VIEW outlay.cost_daily WITH (security_invoker = true) AS
    SELECT d.tenant_id, d.day, d.team, d.product, d.environment, d.cost_center AS cost_centre, NULL::text AS account,
           d.direct_cost AS amount
    FROM outlay.allocation_daily d
    JOIN outlay.allocation_run r ON r.id = d.run_id AND r.status = 'succeeded' AND r.superseded_by IS NULL
    UNION ALL
    SELECT l.tenant_id, l.day, NULL, NULL, NULL, NULL, l.sub_account_id, l.effective_cost
    FROM outlay.ledger_daily l WHERE l.sub_account_id IS NOT NULL
    UNION ALL
    SELECT l.tenant_id, l.day, NULL, NULL, NULL, NULL, l.billing_account_id, l.effective_cost
    FROM outlay.ledger_daily l WHERE l.billing_account_id IS DISTINCT FROM l.sub_account_id;
