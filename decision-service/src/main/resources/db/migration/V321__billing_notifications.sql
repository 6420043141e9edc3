-- Billing-file notifications from Kafka (issue 25): an S3 ObjectCreated or Event Grid BlobCreated message for a new
-- export object triggers the poll of the connection that reads it. Brokers and storage services both deliver at
-- least once, so the same (connection, object key, etag) is acted on once: the consumer inserts this row first
-- and polls only when the insert took. A new etag (the export was rewritten) is a new row and polls again.
CREATE TABLE outlay.billing_notification (
    tenant_id     text        NOT NULL REFERENCES outlay.tenant (id),
    connection_id uuid        NOT NULL,
    object_key    text        NOT NULL,
    etag          text        NOT NULL,
    format        text        NOT NULL CHECK (format IN ('s3', 'event-grid')),
    received_at   timestamptz NOT NULL DEFAULT now(),
    outcome       text,       -- the poll's status and periods, once it ran
    PRIMARY KEY (tenant_id, connection_id, object_key, etag)
);

ALTER TABLE outlay.billing_notification ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.billing_notification FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.billing_notification
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
