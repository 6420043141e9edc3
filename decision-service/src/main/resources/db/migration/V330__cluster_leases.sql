-- Several service instances on one database (issue 25). Three cluster tables that are not tenant-owned (they hold
-- ids only, never tenant data, and are read by the instances' own background work, never by a tenant's request),
-- and the upload spool, which is.

-- One row per running instance; its lease is renewed by a heartbeat. An instance whose lease ran out is gone: the
-- work it claimed is recovered by a survivor. A clean shutdown deletes the row, so recovery starts at once.
CREATE TABLE outlay.service_instance (
    instance_id  text        PRIMARY KEY,
    started_at   timestamptz NOT NULL DEFAULT now(),
    lease_until  timestamptz NOT NULL
);

-- The claim table for background work items (ingestions, allocation runs, finding scans, reconciliation runs,
-- detections). A claim is written before the work item's own row, so an open row without a claim is from an
-- earlier version (or a lost instance before this table existed) and is failed at start-up.
--   leased:  owner runs it (owner's lease in service_instance);
--   expired: owner's lease ran out; owner is now the instance recovering it (re-queue or fail);
--   queued:  waiting for any instance to claim it (FOR UPDATE SKIP LOCKED).
-- again: asked for once more while leased (per-tenant coalescing of detections: one run waits, however many asks).
CREATE TABLE outlay.work_claim (
    kind       text        NOT NULL,
    item_id    uuid        NOT NULL,
    tenant_id  text        NOT NULL REFERENCES outlay.tenant (id),
    state      text        NOT NULL CHECK (state IN ('leased', 'expired', 'queued')),
    owner      text,
    again      boolean     NOT NULL DEFAULT false,
    queued_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, item_id),
    CHECK ((state = 'queued') = (owner IS NULL))
);
CREATE INDEX work_claim_queued ON outlay.work_claim (kind, queued_at) WHERE state = 'queued';
CREATE INDEX work_claim_owner ON outlay.work_claim (owner);

-- Scheduled jobs run once per cluster: the instance that moves last_run forward runs the job.
CREATE TABLE outlay.cluster_job (
    job          text        PRIMARY KEY,
    last_run     timestamptz NOT NULL,
    instance_id  text        NOT NULL
);

-- Process timers fire once: every instance runs the embedded jobs service, and more than one may have a job in its
-- in-memory schedule (the one that created it; the leader's periodic load). The firing instance claims
-- (job, execution) first; a claim whose instance is gone may be taken over, so a firing that died still happens.
CREATE TABLE outlay.timer_firing (
    job_id       text        NOT NULL,
    execution    integer     NOT NULL,
    instance_id  text        NOT NULL,
    claimed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, execution)
);

-- An upload's bytes and request, kept until its ingestion ends, so a survivor can run an ingestion whose instance
-- died (outlay.cluster.shared-spool; otherwise such an ingestion is failed and the file must be sent again).
CREATE TABLE outlay.ingestion_spool (
    ingestion_id  uuid        PRIMARY KEY REFERENCES outlay.ingestion (id) ON DELETE CASCADE,
    tenant_id     text        NOT NULL REFERENCES outlay.tenant (id),
    mapping       text,
    replay        boolean     NOT NULL,
    actor         text        NOT NULL,
    roles         text[]      NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE outlay.ingestion_spool_chunk (
    ingestion_id  uuid        NOT NULL REFERENCES outlay.ingestion_spool (ingestion_id) ON DELETE CASCADE,
    tenant_id     text        NOT NULL REFERENCES outlay.tenant (id),
    seq           integer     NOT NULL,
    bytes         bytea       NOT NULL,
    PRIMARY KEY (ingestion_id, seq)
);

ALTER TABLE outlay.ingestion_spool ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.ingestion_spool FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.ingestion_spool
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
ALTER TABLE outlay.ingestion_spool_chunk ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.ingestion_spool_chunk FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.ingestion_spool_chunk
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));

-- One open allocation run per tenant and period, enforced (two instances' submits would both pass a check).
DROP INDEX outlay.allocation_run_open;
CREATE UNIQUE INDEX allocation_run_open ON outlay.allocation_run (tenant_id, billing_period) WHERE status IN ('queued', 'running');
