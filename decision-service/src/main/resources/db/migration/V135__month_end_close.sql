-- Month-end close (issue 16). One row per tenant and billing period holds the period's state (FOCUS 1.4 draft:
-- a billing period is Open until its data is final): OPEN -> PRELIMINARY (package generated) -> IN_REVIEW (finance
-- review task open in the inbox) -> FINAL; an approved restatement makes it RESTATED. A rejected close goes back
-- to OPEN. Packages are immutable versions: a restatement adds a version, it never rewrites one.
CREATE TABLE outlay.close_period (
    tenant_id            text        NOT NULL REFERENCES outlay.tenant (id),
    period               date        NOT NULL CHECK (extract(day FROM period) = 1),
    state                text        NOT NULL CHECK (state IN ('OPEN', 'PRELIMINARY', 'IN_REVIEW', 'FINAL', 'RESTATED')),
    process_instance_id  text,                   -- the running close review (null when none runs)
    final_package_id     uuid,                   -- the package the period currently stands on (FINAL or RESTATED)
    prepared_by          text,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, period)
);

-- The bytes are kept: a download is the stored zip, so the hash a reviewer approved is the hash an auditor gets.
-- inputs is the canonical JSON the bytes were built from (regenerating from it gives the same bytes).
CREATE TABLE outlay.close_package (
    id            uuid        PRIMARY KEY,
    tenant_id     text        NOT NULL REFERENCES outlay.tenant (id),
    period        date        NOT NULL,
    version       integer     NOT NULL CHECK (version >= 1),
    kind          text        NOT NULL CHECK (kind IN ('CLOSE', 'RESTATEMENT')),
    status        text        NOT NULL CHECK (status IN ('in_review', 'final', 'restated', 'rejected', 'superseded')),
    package_hash  text        NOT NULL,      -- sha-256 (hex) over the canonical manifest bytes
    zip_sha256    text        NOT NULL,
    manifest      jsonb       NOT NULL,
    inputs        jsonb       NOT NULL,
    bytes         bytea       NOT NULL,
    previous_id   uuid,                      -- the package a restatement is diffed against
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    decided_by    text,
    decided_at    timestamptz,
    reason        text,
    UNIQUE (tenant_id, period, version)
);
CREATE INDEX close_package_period ON outlay.close_package (tenant_id, period, version DESC);

-- Data that changes a FINAL period (restated export, late credit, retraction) becomes a proposal with the candidate
-- package and its diff; the review decides. At most one open proposal per period (a later change refreshes it).
CREATE TABLE outlay.close_restatement (
    id                   uuid        PRIMARY KEY,
    tenant_id            text        NOT NULL REFERENCES outlay.tenant (id),
    period               date        NOT NULL,
    status               text        NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected')),
    trigger_kind         text        NOT NULL,   -- ingestion | retraction
    trigger_id           uuid,
    base_package_id      uuid        NOT NULL REFERENCES outlay.close_package (id),
    candidate_package_id uuid        NOT NULL REFERENCES outlay.close_package (id),
    diff                 jsonb       NOT NULL,
    process_instance_id  text,
    proposed_by          text        NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    decided_by           text,
    decided_at           timestamptz,
    reason               text
);
CREATE UNIQUE INDEX close_restatement_open ON outlay.close_restatement (tenant_id, period) WHERE status = 'proposed';

-- What happened to a period, in order: the close history shown next to its state.
CREATE TABLE outlay.close_event (
    id         bigserial   PRIMARY KEY,
    tenant_id  text        NOT NULL REFERENCES outlay.tenant (id),
    period     date        NOT NULL,
    at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor      text        NOT NULL,
    kind       text        NOT NULL,
    detail     text
);
CREATE INDEX close_event_period ON outlay.close_event (tenant_id, period, id);

ALTER TABLE outlay.close_period ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.close_period FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.close_period
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
ALTER TABLE outlay.close_package ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.close_package FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.close_package
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
ALTER TABLE outlay.close_restatement ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.close_restatement FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.close_restatement
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
ALTER TABLE outlay.close_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.close_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.close_event
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
