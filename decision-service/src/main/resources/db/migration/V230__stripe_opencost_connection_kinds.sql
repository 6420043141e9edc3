-- Cloud+ connections (issue 20): kinds stripe (a company's own Stripe account) and opencost (a Kubernetes cluster's
-- OpenCost allocation API), added to the kind check as V191 did (extended, not restated).
DO $$
DECLARE
    def   text;
    kinds text[];
BEGIN
    SELECT pg_get_constraintdef(c.oid) INTO def FROM pg_constraint c
    WHERE c.conname = 'connection_kind_check' AND c.conrelid = 'outlay.connection'::regclass;
    kinds := ARRAY(SELECT m[1] FROM regexp_matches(coalesce(def, ''), '''([^'']+)''', 'g') AS m);
    kinds := ARRAY(SELECT DISTINCT k FROM unnest(kinds || ARRAY['opencost', 'stripe']) AS k ORDER BY k);
    ALTER TABLE outlay.connection DROP CONSTRAINT IF EXISTS connection_kind_check;
    -- Written as ARRAY['a', ...] (as V122's IN list is stored), so the next migration's scan of quoted names reads it back.
    EXECUTE format('ALTER TABLE outlay.connection ADD CONSTRAINT connection_kind_check CHECK (kind IN (%s))',
                   (SELECT string_agg(quote_literal(k), ', ' ORDER BY k) FROM unnest(kinds) AS k));
END
$$;
