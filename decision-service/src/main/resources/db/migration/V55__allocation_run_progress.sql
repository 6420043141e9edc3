-- Allocation runs are asynchronous: a run is queued when requested, shows its progress while it evaluates and
-- applies, and keeps a problem detail when it fails. The version is fixed when the run is requested.
ALTER TABLE outlay.allocation_run DROP CONSTRAINT allocation_run_status_check;
ALTER TABLE outlay.allocation_run ADD CONSTRAINT allocation_run_status_check
    CHECK (status IN ('queued', 'running', 'succeeded', 'failed'));
ALTER TABLE outlay.allocation_run ADD COLUMN groups_total     integer;
ALTER TABLE outlay.allocation_run ADD COLUMN groups_evaluated integer NOT NULL DEFAULT 0;
ALTER TABLE outlay.allocation_run ADD COLUMN rows_applied     bigint  NOT NULL DEFAULT 0;
ALTER TABLE outlay.allocation_run ADD COLUMN problem          text;
CREATE INDEX allocation_run_open ON outlay.allocation_run (tenant_id, billing_period) WHERE status IN ('queued', 'running');
