-- Native cloud billing connections (issue 19): Azure Cost Management exports in Blob Storage (azure-blob) and the
-- Cloud Billing export in BigQuery (gcp-bigquery). Their credentials (SAS / account key / service principal, and
-- the service-account key) are sealed in sealed_secret like the aws-s3 keys.
ALTER TABLE outlay.connection DROP CONSTRAINT IF EXISTS connection_kind_check;
ALTER TABLE outlay.connection ADD CONSTRAINT connection_kind_check
    CHECK (kind IN ('aws-s3', 'aws-inventory', 'azure-blob', 'gcp-bigquery'));
