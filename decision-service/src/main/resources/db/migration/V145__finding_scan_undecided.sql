-- Insufficient-data and rule-level waiver verdicts of a scan (issue 15: missing data is a first-class outcome, never a
-- silent skip). One row per scan, resource and detector that the rule set could not, or by rule would not, judge,
-- with the rule's own reason ("only 3 complete days of CPU and network metrics; 12 are needed") and the logged
-- decision that said so. Written in the scan's reconciling transaction, so a failed scan leaves none.
CREATE TABLE outlay.finding_scan_undecided (
    tenant_id   text NOT NULL,
    scan_id     uuid NOT NULL REFERENCES outlay.finding_scan (id) ON DELETE CASCADE,
    resource_id text NOT NULL,
    detector    text NOT NULL,
    outcome     text NOT NULL CHECK (outcome IN ('insufficient-data', 'waived')),
    reason      text NOT NULL,
    rule_set    text NOT NULL,
    rule_version text NOT NULL,
    decision_id uuid NOT NULL,
    owner       text NOT NULL,
    provider    text,
    account_id  text,
    region      text,
    PRIMARY KEY (tenant_id, scan_id, resource_id, detector)
);
CREATE INDEX finding_scan_undecided_owner ON outlay.finding_scan_undecided (tenant_id, scan_id, owner);

-- Per detector: findings / insufficient-data / waived of the scan, [{"detector": …, "findings": n, …}] in detector
-- order. Counts stay when a scan's undecided rows are pruned (only the newest scans keep their lists).
ALTER TABLE outlay.finding_scan ADD COLUMN detector_counts jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE outlay.finding_scan ADD COLUMN undecided_pruned boolean NOT NULL DEFAULT false;

ALTER TABLE outlay.finding_scan_undecided ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.finding_scan_undecided FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.finding_scan_undecided
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
