-- A tenant's exchange rates: uploaded as whole sets, each keyed by the SHA-256 of its canonical text like rule
-- versions, never changed afterwards; the active set is the latest activation. A converted figure names the set
-- (version_hash), the rate and the rate's date, so it can be recomputed from here.
CREATE TABLE outlay.fx_rate_set (
    tenant_id    text        NOT NULL REFERENCES outlay.tenant (id),
    version_hash text        NOT NULL,
    note         text,
    rate_count   integer     NOT NULL,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, version_hash)
);

-- 1 base_currency = rate quote_currency, from rate_date on (until the set's next date for the pair).
CREATE TABLE outlay.fx_rate (
    tenant_id      text    NOT NULL,
    version_hash   text    NOT NULL,
    base_currency  char(3) NOT NULL,
    quote_currency char(3) NOT NULL,
    rate_date      date    NOT NULL,
    rate           numeric NOT NULL CHECK (rate > 0),
    PRIMARY KEY (tenant_id, version_hash, base_currency, quote_currency, rate_date),
    FOREIGN KEY (tenant_id, version_hash) REFERENCES outlay.fx_rate_set (tenant_id, version_hash)
);

CREATE TABLE outlay.fx_rate_activation (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    text        NOT NULL,
    version_hash text        NOT NULL,
    activated_by text        NOT NULL,
    activated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    FOREIGN KEY (tenant_id, version_hash) REFERENCES outlay.fx_rate_set (tenant_id, version_hash)
);
CREATE INDEX fx_rate_activation_latest ON outlay.fx_rate_activation (tenant_id, id DESC);

-- Immutable and append-only; only a tenant purge (V41) deletes.
CREATE TRIGGER fx_rate_set_append_only BEFORE UPDATE OR DELETE ON outlay.fx_rate_set
    FOR EACH ROW EXECUTE FUNCTION outlay.rules_append_only();
CREATE TRIGGER fx_rate_append_only BEFORE UPDATE OR DELETE ON outlay.fx_rate
    FOR EACH ROW EXECUTE FUNCTION outlay.rules_append_only();
CREATE TRIGGER fx_rate_activation_append_only BEFORE UPDATE OR DELETE ON outlay.fx_rate_activation
    FOR EACH ROW EXECUTE FUNCTION outlay.rules_append_only();

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['fx_rate_set', 'fx_rate', 'fx_rate_activation'] LOOP
        EXECUTE format('ALTER TABLE outlay.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE outlay.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON outlay.%I '
                       'USING (tenant_id = (SELECT current_setting(''outlay.tenant_id'', true))) '
                       'WITH CHECK (tenant_id = (SELECT current_setting(''outlay.tenant_id'', true)))', t);
    END LOOP;
END $$;
