-- Allocation runs: one row per run (a new run for the same period supersedes the previous one, which stays
-- queryable), the owner statement lines of the run, and the distinct charge groups with their rule outcome.
CREATE TABLE outlay.allocation_run (
    id               uuid PRIMARY KEY,
    tenant_id        text        NOT NULL REFERENCES outlay.tenant (id),
    billing_period   date        NOT NULL,
    version_hash     text        NOT NULL,
    decision_run_id  uuid,
    status           text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    total_cost       numeric,
    allocated_cost   numeric,
    coverage_pct     numeric,
    groups           integer,
    superseded_by    uuid,
    created_by       text        NOT NULL,
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    error            text
);
CREATE INDEX allocation_run_period ON outlay.allocation_run (tenant_id, billing_period, started_at DESC);

CREATE TABLE outlay.allocation_line (
    run_id        uuid    NOT NULL REFERENCES outlay.allocation_run (id),
    tenant_id     text    NOT NULL,
    team          text    NOT NULL,
    product       text    NOT NULL,
    environment   text    NOT NULL,
    cost_center   text    NOT NULL,
    direct_cost   numeric NOT NULL,
    shared_cost   numeric NOT NULL,
    total_cost    numeric NOT NULL,
    reason        text
);
CREATE INDEX allocation_line_run ON outlay.allocation_line (run_id);

CREATE TABLE outlay.allocation_group (
    run_id            uuid    NOT NULL REFERENCES outlay.allocation_run (id),
    tenant_id         text    NOT NULL,
    inputs            text    NOT NULL,
    service_name      text,
    billing_account   text,
    sub_account       text,
    effective_cost    numeric NOT NULL,
    row_count         bigint  NOT NULL,
    team              text,
    product           text,
    environment       text,
    cost_center       text,
    rule_id           text,
    outcome           text    NOT NULL CHECK (outcome IN ('direct', 'shared', 'unallocated')),
    reason            text
);
CREATE INDEX allocation_group_run ON outlay.allocation_group (run_id);

ALTER TABLE outlay.allocation_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.allocation_run FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.allocation_run
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));
ALTER TABLE outlay.allocation_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.allocation_line FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.allocation_line
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));
ALTER TABLE outlay.allocation_group ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.allocation_group FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.allocation_group
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));
