-- The export_time watermark of each invoice month a gcp-bigquery connection loaded (issue 19): the newest
-- export_time among the rows of the month's last load. A poll sends it as @since, so BigQuery returns the month's
-- rows only when something was exported after it (late rows, adjustments); an unchanged month returns no rows and
-- loads nothing. Kept per source name (the connection's name, as ingestions name it) and invoice month.
CREATE TABLE outlay.gcp_export_watermark (
    tenant_id     text        NOT NULL REFERENCES outlay.tenant (id),
    source        text        NOT NULL,
    invoice_month text        NOT NULL CHECK (invoice_month ~ '^[0-9]{4}(0[1-9]|1[0-2])$'),
    export_time   timestamptz NOT NULL,
    ingestion_id  uuid        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, source, invoice_month)
);

ALTER TABLE outlay.gcp_export_watermark ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.gcp_export_watermark FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.gcp_export_watermark
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
