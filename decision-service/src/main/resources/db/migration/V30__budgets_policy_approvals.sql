-- Budgets, spend requests (with their history), notifications and policy violations. Every table is tenant-owned
-- and row-level secured like V1. Kogito's own tables (process_instances, jbpm_user_tasks*, job_details) live in
-- schema public via KIE Flyway and carry no tenant: spend_request / policy_violation link a process instance to
-- its tenant, and the inbox only shows tasks whose process instance is linked here.

CREATE TABLE outlay.budget (
    id          uuid PRIMARY KEY,
    tenant_id   text          NOT NULL REFERENCES outlay.tenant (id),
    name        text          NOT NULL,
    scope_type  text          NOT NULL CHECK (scope_type IN ('team', 'product', 'environment', 'costCentre', 'account')),
    scope_value text          NOT NULL,
    period      text          NOT NULL CHECK (period IN ('month', 'quarter')),
    amount      numeric(18,2) NOT NULL CHECK (amount >= 0),
    currency    char(3)       NOT NULL,
    thresholds  text          NOT NULL DEFAULT '',
    created_by  text          NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, scope_type, scope_value, period)
);

CREATE TABLE outlay.spend_request (
    id                  uuid PRIMARY KEY,
    tenant_id           text          NOT NULL REFERENCES outlay.tenant (id),
    requester           text          NOT NULL,
    budget_id           uuid          REFERENCES outlay.budget (id),
    resource_class      text          NOT NULL,
    environment         text          NOT NULL,
    owner               text,
    amount              numeric(18,2) NOT NULL,
    currency            char(3)       NOT NULL,
    description         text,
    outcome             text          NOT NULL,
    rule_id             text,
    policy_reason       text,
    policy_version      text,
    approver_group      text,
    sla_hours           integer,
    budget_remaining    numeric(18,2),
    forecast_overrun_pct numeric(9,2),
    status              text          NOT NULL,
    task_deadline       timestamptz,
    process_instance_id text,
    decided_by          text,
    decided_at          timestamptz,
    created_at          timestamptz   NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX spend_request_process ON outlay.spend_request (process_instance_id) WHERE process_instance_id IS NOT NULL;

CREATE TABLE outlay.spend_request_event (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  text        NOT NULL REFERENCES outlay.tenant (id),
    request_id uuid        NOT NULL REFERENCES outlay.spend_request (id),
    at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor      text        NOT NULL,
    kind       text        NOT NULL,
    detail     text
);
CREATE INDEX spend_request_event_request ON outlay.spend_request_event (request_id, id);

-- Task decisions the inbox took; a second completion of the same task is refused from here (Kogito forgets the task).
CREATE TABLE outlay.approval_task (
    task_id      text PRIMARY KEY,
    tenant_id    text        NOT NULL REFERENCES outlay.tenant (id),
    request_id   uuid        REFERENCES outlay.spend_request (id),
    decision     text        NOT NULL,
    completed_by text        NOT NULL,
    completed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE outlay.notification (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      text        NOT NULL REFERENCES outlay.tenant (id),
    kind           text        NOT NULL,
    subject_type   text        NOT NULL,
    subject_id     text        NOT NULL,
    recipient_role text        NOT NULL,
    message        text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE outlay.policy_violation (
    id                  uuid PRIMARY KEY,
    tenant_id           text          NOT NULL REFERENCES outlay.tenant (id),
    owner               text          NOT NULL,
    resource_class      text          NOT NULL,
    environment         text          NOT NULL,
    amount              numeric(18,2) NOT NULL,
    outcome             text          NOT NULL,
    rule_id             text,
    policy_reason       text,
    policy_version      text,
    evidence            text          NOT NULL,
    status              text          NOT NULL,
    process_instance_id text,
    action              text,
    acknowledged_by     text,
    verified_by         text,
    created_at          timestamptz   NOT NULL DEFAULT now(),
    updated_at          timestamptz   NOT NULL DEFAULT now()
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['budget', 'spend_request', 'spend_request_event', 'approval_task', 'notification', 'policy_violation'] LOOP
        EXECUTE format('ALTER TABLE outlay.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE outlay.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON outlay.%I USING (tenant_id = current_setting(''outlay.tenant_id'', true)) '
                       'WITH CHECK (tenant_id = current_setting(''outlay.tenant_id'', true))', t);
    END LOOP;
END $$;
