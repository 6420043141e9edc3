-- Source-vs-source reconciliation compares only sources that cover the same charges. Without a declaration that
-- means sources of different kinds on one billing account (a CUR and the FOCUS export of it, a provider export and
-- a SaaS invoice); two sources of the same kind add up and are never compared with each other. A tenant declares
-- here which two sources are copies of one bill (e.g. a legacy CUR and its CUR 2.0 successor); a source named in
-- a declaration is then compared only as declared (docs/close.md, "Which sources are compared").
CREATE TABLE outlay.reconciliation_source_pair (
    tenant_id         text        NOT NULL REFERENCES outlay.tenant (id),
    reference_source  text        NOT NULL,
    observed_source   text        NOT NULL,
    note              text,
    created_by        text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, reference_source, observed_source),
    CHECK (reference_source <> observed_source)
);

ALTER TABLE outlay.reconciliation_source_pair ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.reconciliation_source_pair FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.reconciliation_source_pair
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
