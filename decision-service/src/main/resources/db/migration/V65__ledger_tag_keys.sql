-- The tag keys each loaded scope (source, billing period, billing account) carries, written by the loader in the
-- same transaction as the scope's ledger rows. Allocation reads them instead of scanning a period's tags to learn
-- which spellings of team/product/... occur. The empty key marks a scope as indexed (possibly without tags);
-- periods loaded before this table existed have no rows here and are scanned as before.
CREATE TABLE outlay.ledger_tag_key (
    tenant_id          text NOT NULL,
    billing_period     date NOT NULL,
    source             text NOT NULL,
    billing_account_id text NOT NULL,
    tag_key            text NOT NULL,
    PRIMARY KEY (tenant_id, billing_period, source, billing_account_id, tag_key)
);

ALTER TABLE outlay.ledger_tag_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.ledger_tag_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.ledger_tag_key
    USING (tenant_id = current_setting('outlay.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('outlay.tenant_id', true));
