-- Action layer (issue 17): a transactional outbox. An event and its routed deliveries are written in the
-- transaction of the change that caused them, so a rolled-back change never notifies and a committed one is never
-- forgotten. One worker delivers; each delivery carries its own idempotency key, sent on every attempt, so a resend
-- after a crash between the HTTP call and the commit is deduplicated by the receiver. Every attempt is logged.
CREATE TABLE outlay.action_event (
    id                  uuid PRIMARY KEY,
    tenant_id           text        NOT NULL REFERENCES outlay.tenant (id),
    kind                text        NOT NULL CHECK (kind IN ('anomaly_alert', 'finding', 'policy_violation', 'approval_task',
                                                         'close_review', 'reconciliation_breach', 'ingestion_failure', 'sli_breach')),
    subject_type        text        NOT NULL,
    subject_id          text        NOT NULL,
    severity            text,
    owner               text,
    environment         text,
    amount              numeric,
    currency            char(3),
    payload             jsonb       NOT NULL,
    routing_version     text,
    routing_decision_id uuid,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((amount IS NULL) = (currency IS NULL))
);
CREATE INDEX action_event_subject ON outlay.action_event (tenant_id, subject_type, subject_id);

-- status: pending (due at next_attempt_at) → sending (claimed; lease_until bounds how long a crashed worker holds
-- it) → delivered | dead (after outlay.actions.max-attempts) | held (the connection is missing or refused our
-- credentials: kept, not counted down, released when the connection is fixed or by a manual retry).
CREATE TABLE outlay.action_delivery (
    id              uuid PRIMARY KEY,
    tenant_id       text        NOT NULL,
    event_id        uuid        NOT NULL REFERENCES outlay.action_event (id),
    channel         text        NOT NULL CHECK (channel IN ('webhook', 'slack', 'teams', 'jira', 'github', 'gitlab')),
    target          text        NOT NULL,
    idempotency_key text        NOT NULL UNIQUE,
    status          text        NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'dead', 'held')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until     timestamptz,
    last_status     integer,
    last_error      text,
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (event_id, channel, target)
);
CREATE INDEX action_delivery_due ON outlay.action_delivery (tenant_id, next_attempt_at) WHERE status IN ('pending', 'sending');

CREATE TABLE outlay.action_attempt (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   text        NOT NULL,
    delivery_id uuid        NOT NULL REFERENCES outlay.action_delivery (id),
    attempt     integer     NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('delivered', 'retry', 'dead', 'held', 'lease_expired')),
    status_code integer,
    error       text,
    at          timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX action_attempt_delivery ON outlay.action_attempt (tenant_id, delivery_id, id);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['action_event', 'action_delivery', 'action_attempt'] LOOP
        EXECUTE format('ALTER TABLE outlay.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE outlay.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON outlay.%I '
                       'USING (tenant_id = (SELECT current_setting(''outlay.tenant_id'', true))) '
                       'WITH CHECK (tenant_id = (SELECT current_setting(''outlay.tenant_id'', true)))', t);
    END LOOP;
END $$;
