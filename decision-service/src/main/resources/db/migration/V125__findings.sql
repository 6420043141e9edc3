-- Savings findings (issue 15): one row per resource and detector, whatever the number of scans that saw it. The id is
-- deterministic (FindingId: tenant, resource, detector, window, rule set), so a daily rescan updates the row; the rule
-- and profile versions and the decision id of the latest detection are kept on it for replay.
CREATE TABLE outlay.finding (
    tenant_id          text        NOT NULL REFERENCES outlay.tenant (id),
    id                 text        NOT NULL,
    resource_id        text        NOT NULL,
    provider           text,
    account_id         text,
    region             text,
    owner              text        NOT NULL,   -- allocation owner team, else the resource's team tag, else 'unowned'
    owner_source       text        NOT NULL CHECK (owner_source IN ('allocation', 'tag', 'none')),
    environment        text,
    detector           text        NOT NULL,
    rule_set           text        NOT NULL,
    rule_version       text        NOT NULL,
    profile            text        NOT NULL,
    profile_version    text        NOT NULL,
    decision_id        uuid        NOT NULL,   -- the rule set's logged decision for this resource's row (replayable)
    profile_decision_id uuid,                  -- the finding-profiles decision that gave the thresholds
    tier               text        NOT NULL CHECK (tier IN ('BILLING', 'INVENTORY', 'METRICS')),
    confidence         numeric     NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    action             text        NOT NULL,
    probable_cause     text,
    required_action    text,
    risk               text        NOT NULL CHECK (risk IN ('low', 'medium', 'high')),
    evidence           jsonb       NOT NULL,
    window_start       date,
    window_end         date,
    status             text        NOT NULL CHECK (status IN ('open', 'accepted', 'waived', 'pending_approval', 'actioned',
                                                              'verified', 'reopened', 'closed')),
    -- where an approval that is rejected or expires returns the finding to
    status_before_approval text,
    waive_reason       text,
    waived_until       date,
    closed_reason      text,
    actioned_at        timestamptz,
    actioned_by        text,
    -- the resource's average daily effective cost per currency over the billing window before the action,
    -- {"USD": "1.25"}: verification compares the cost after the action with it
    action_baseline    jsonb,
    approval_request_id uuid,
    violation_id       uuid,
    process_instance_id text,
    first_seen         timestamptz NOT NULL,
    last_seen          timestamptz NOT NULL,
    last_scan_id       uuid,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, resource_id, detector),
    CHECK (status <> 'waived' OR (waive_reason IS NOT NULL AND waived_until IS NOT NULL))
);
CREATE INDEX finding_status ON outlay.finding (tenant_id, status, owner);
CREATE UNIQUE INDEX finding_approval ON outlay.finding (tenant_id, approval_request_id) WHERE approval_request_id IS NOT NULL;

-- Savings per currency of a finding, never added across currencies. Replaced whenever the finding is re-detected.
CREATE TABLE outlay.finding_saving (
    tenant_id   text    NOT NULL,
    finding_id  text    NOT NULL,
    currency    text    NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    low         numeric NOT NULL,
    expected    numeric NOT NULL,
    high        numeric NOT NULL,
    PRIMARY KEY (tenant_id, finding_id, currency),
    FOREIGN KEY (tenant_id, finding_id) REFERENCES outlay.finding (tenant_id, id) ON DELETE CASCADE,
    CHECK (low >= 0 AND low <= expected AND expected <= high)
);

-- Every status change of a finding: who, when, from, to, why. Append-only (no UPDATE/DELETE grant below).
CREATE TABLE outlay.finding_event (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   text        NOT NULL,
    finding_id  text        NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    from_status text,
    to_status   text        NOT NULL,
    reason      text,
    scan_id     uuid,
    FOREIGN KEY (tenant_id, finding_id) REFERENCES outlay.finding (tenant_id, id)
);
CREATE INDEX finding_event_finding ON outlay.finding_event (tenant_id, finding_id, id);

-- A scan as an observable job (queued → running → succeeded | failed), like allocation runs.
CREATE TABLE outlay.finding_scan (
    id                  uuid        PRIMARY KEY,
    tenant_id           text        NOT NULL REFERENCES outlay.tenant (id),
    status              text        NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    trigger             text        NOT NULL CHECK (trigger IN ('request', 'schedule', 'ingestion', 'inventory')),
    profile             text        NOT NULL,
    profile_version     text,
    as_of               date        NOT NULL,
    resources_total     integer,
    resources_evaluated integer     NOT NULL DEFAULT 0,
    detected            integer     NOT NULL DEFAULT 0,
    created             integer     NOT NULL DEFAULT 0,
    updated             integer     NOT NULL DEFAULT 0,
    closed              integer     NOT NULL DEFAULT 0,
    verified            integer     NOT NULL DEFAULT 0,
    reopened            integer     NOT NULL DEFAULT 0,
    created_by          text        NOT NULL,
    started_at          timestamptz NOT NULL DEFAULT now(),
    finished_at         timestamptz,
    problem             text
);
CREATE INDEX finding_scan_tenant ON outlay.finding_scan (tenant_id, started_at DESC);

ALTER TABLE outlay.finding ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.finding FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.finding
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
ALTER TABLE outlay.finding_saving ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.finding_saving FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.finding_saving
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
ALTER TABLE outlay.finding_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.finding_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.finding_event
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
ALTER TABLE outlay.finding_scan ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.finding_scan FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.finding_scan
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));

-- The transition history is evidence: the runtime role may add to it, never rewrite it (the tenant purge runs as the
-- owner, V79).
DO $$
BEGIN
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON outlay.finding_event FROM %I', '${runtime_role}');
END
$$;
