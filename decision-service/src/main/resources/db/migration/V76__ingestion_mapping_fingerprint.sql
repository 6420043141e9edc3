-- Identical bytes are a duplicate only under the same mapping: a corrected invoice mapping must re-map a file
-- uploaded before. sha-256 of the mapping text an ingestion used (null: the source kind's fixed mapping).
ALTER TABLE outlay.ingestion ADD COLUMN mapping_sha256 text;
