-- Provider carbon exports from Azure (carbon optimization item details) and Google Cloud (Carbon Footprint export)
-- beside AWS's: the same import and row tables, the provider check widened.
ALTER TABLE outlay.carbon_provider_import DROP CONSTRAINT carbon_provider_import_provider_check;
ALTER TABLE outlay.carbon_provider_import ADD CONSTRAINT carbon_provider_import_provider_check
    CHECK (provider IN ('aws', 'azure', 'gcp'));
