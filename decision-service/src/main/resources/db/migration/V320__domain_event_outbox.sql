-- Domain events for Kafka (issue 25): a transactional outbox. A row is written in the transaction of the domain
-- change it describes (ingestion succeeded, allocation run finished, decision logged, anomaly, finding, violation,
-- close state), so a rolled-back change publishes nothing. The publisher sends unpublished rows in seq order per
-- tenant and stamps published_at only after the broker acknowledged them: delivery is at least once, consumers
-- deduplicate by id (the envelope's eventId). The payload is the event's data object; the envelope is built from
-- the row's columns, so a resend carries the same bytes.
CREATE TABLE outlay.domain_event (
    id             uuid        PRIMARY KEY,
    seq            bigint      GENERATED ALWAYS AS IDENTITY,
    tenant_id      text        NOT NULL REFERENCES outlay.tenant (id),
    kind           text        NOT NULL CHECK (kind IN ('ingestion.succeeded', 'allocation.run.finished', 'decision.logged',
                                                    'anomaly.detected', 'anomaly.state-changed', 'finding.opened',
                                                    'violation.raised', 'close.state-changed')),
    schema_version integer     NOT NULL CHECK (schema_version > 0),
    occurred_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    payload        jsonb       NOT NULL,
    published_at   timestamptz
);
-- The publisher's scan: only the unpublished rows, in order.
CREATE INDEX domain_event_unpublished ON outlay.domain_event (tenant_id, seq) WHERE published_at IS NULL;

ALTER TABLE outlay.domain_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.domain_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.domain_event
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
