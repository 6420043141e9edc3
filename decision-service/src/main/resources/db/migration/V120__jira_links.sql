-- Action layer, Jira (issue 17). Connections may now be Jira (and, later, Teams/GitHub/GitLab). A connection may
-- carry a second sealed secret for what the other side sends us (the Jira webhook's shared secret, Slack's signing
-- secret): inbound requests are verified with it, and the connection it belongs to names the tenant.
ALTER TABLE outlay.integration DROP CONSTRAINT integration_kind_check;
ALTER TABLE outlay.integration ADD CONSTRAINT integration_kind_check
    CHECK (kind IN ('webhook', 'slack', 'teams', 'jira', 'github', 'gitlab'));
ALTER TABLE outlay.integration ADD COLUMN sealed_inbound_secret text;

-- The issue Outlay opened for a subject. Outlay keeps the link itself (one per subject and connection) because
-- Jira's search is eventually consistent: searching for "is there already an issue" right after creating one can
-- say no, and a retry would open a duplicate. external_status is the last status Jira reported back.
CREATE TABLE outlay.external_link (
    tenant_id       text        NOT NULL REFERENCES outlay.tenant (id),
    integration_id  uuid        NOT NULL,
    subject_type    text        NOT NULL,
    subject_id      text        NOT NULL,
    external_key    text        NOT NULL,
    external_url    text,
    external_status text,
    delivery_id     uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, integration_id, subject_type, subject_id),
    UNIQUE (tenant_id, integration_id, external_key)
);
ALTER TABLE outlay.external_link ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.external_link FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.external_link
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));

-- Inbound requests already acted on (Jira's X-Atlassian-Webhook-Identifier, Slack's signature): a replay of a
-- validly signed request is answered without acting again.
CREATE TABLE outlay.inbound_receipt (
    tenant_id      text        NOT NULL REFERENCES outlay.tenant (id),
    integration_id uuid        NOT NULL,
    receipt_id     text        NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, integration_id, receipt_id)
);
ALTER TABLE outlay.inbound_receipt ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.inbound_receipt FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.inbound_receipt
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
