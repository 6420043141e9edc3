-- A loaded file can be retracted (the wrong invoice uploaded to a source): its rows leave the ledger in one
-- transaction with the manifest update and the audit entry, and the manifest keeps who, when and why.
ALTER TABLE outlay.ingestion DROP CONSTRAINT ingestion_status_check;
ALTER TABLE outlay.ingestion ADD CONSTRAINT ingestion_status_check
    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'duplicate', 'retracted'));
ALTER TABLE outlay.ingestion
    ADD COLUMN retracted_by      text,
    ADD COLUMN retracted_at      timestamptz,
    ADD COLUMN retraction_reason text,
    ADD COLUMN rows_retracted    bigint;
