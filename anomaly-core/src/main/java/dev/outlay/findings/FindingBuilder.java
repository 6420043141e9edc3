/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.findings;

import dev.outlay.model.inventory.InventoryItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a verdict into the finding as persisted: deterministic id, tier-capped confidence, savings per currency and
 * the evidence that explains it (the row values the rule compared, next to the thresholds).
 */
public final class FindingBuilder {

    /** Signals a detector compares, each with the threshold it is judged against (null = context only). */
    private static final Map<String, String[][]> COMPARED = Map.ofEntries(
            Map.entry(Detectors.COMPUTE_IDLE, new String[][]{{"completeDays", "minCompleteDays"},
                    {"lowDays", "idleMinLowDays"}, {"cpuMax", "idleMaxCpuPercent"}, {"cpuAvg", "idleLowCpuPercent"},
                    {"netAvgMBPerDay", null}}),
            Map.entry(Detectors.COMPUTE_OVERPROVISIONED, new String[][]{{"completeDays", "minCompleteDays"},
                    {"cpuMax", "rightsizeCpuCeilingPercent"}, {"memMax", "rightsizeMemCeilingPercent"},
                    {"sizeRatio", null}}),
            Map.entry(Detectors.EBS_UNATTACHED, new String[][]{{"daysInState", "ebsUnattachedMinDays"},
                    {"ageDays", "minAgeDays"}}),
            Map.entry(Detectors.EIP_IDLE, new String[][]{{"idleIpHours7d", "eipIdleMinHours"},
                    {"daysInState", "eipUnassociatedMinDays"}}),
            Map.entry(Detectors.SNAPSHOT_ORPHAN, new String[][]{{"ageDays", "snapshotMinAgeDays"}}),
            Map.entry(Detectors.LB_IDLE, new String[][]{{"requestLowDays", "lbIdleDays"},
                    {"billedHours", "lbIdleMinOnlyHours"}}),
            Map.entry(Detectors.STOPPED_STORAGE, new String[][]{{"attachedInstanceStoppedDays", "stoppedMinDays"}}),
            Map.entry(Detectors.SAAS_UNUSED_SEATS, new String[][]{{"unusedSeatShare", "seatsUnusedMinShare"},
                    {"seatsPurchased", null}, {"seatsActive", null}}),
            Map.entry(Detectors.RDS_MULTIAZ_NONPROD, new String[][]{{"multiAzShare", null}}),
            Map.entry(Detectors.MULTIZONE_NONPROD, new String[][]{{"zoneCount", "multiZoneMinZones"},
                    {"interAzCost", null}}),
            Map.entry(Detectors.NET_INTERAZ, new String[][]{{"interAzCost", "interAzMinCost"},
                    {"interAzShare", "interAzMinShare"}}),
            Map.entry(Detectors.NET_NAT_HEAVY, new String[][]{{"natBytesCost", "natMinBytesCost"},
                    {"natHoursCost", null}}),
            Map.entry(Detectors.EBS_GP2, new String[][]{{"volumeSizeGiB", "gp2MaxSizeGiB"}, {"gp2Share", null}}),
            Map.entry(Detectors.COMPUTE_PREVGEN, new String[][]{}),
            Map.entry(Detectors.NONPROD_ALWAYS_ON, new String[][]{{"hoursShare28d", "alwaysOnMinHoursShare"},
                    {"scheduleHoursPerWeek", null}}),
            Map.entry(Detectors.NONPROD_PROD_SHAPED, new String[][]{{"prodShapeSimilarity", "prodShapedMinSimilarity"},
                    {"envAlwaysOnShare", "prodShapedMinHoursShare"}, {"envMembers", "prodShapedMinMembers"},
                    {"prodMembers", null}, {"scheduleHoursPerWeek", null}}));

    private FindingBuilder() {
    }

    public static DetectedFinding build(String tenantId, ResourceFacts facts, Verdict v, String ruleSet,
                                        String ruleVersionHash, ThresholdProfile profile, LocalDate scanDate) {
        return build(tenantId, facts, v, ruleSet, ruleVersionHash, profile, scanDate,
                FindingFacts.row(facts, profile, scanDate));
    }

    /** The same, reusing the row already built for the decision (it must be this resource's row for this scan). */
    public static DetectedFinding build(String tenantId, ResourceFacts facts, Verdict v, String ruleSet,
                                        String ruleVersionHash, ThresholdProfile profile, LocalDate scanDate,
                                        Map<String, Object> row) {
        int windowDays = Detectors.windowDays(v.detector());
        InventoryItem item = facts.item();
        List<SavingsRange> savings = FindingSavings.of(v.detector(), facts, row, profile, scanDate);
        return new DetectedFinding(FindingId.of(tenantId, facts.resourceId(), v.detector(), windowDays, ruleSet),
                facts.resourceId(), item == null ? null : item.provider(), item == null ? null : item.accountId(),
                item == null ? null : item.region(), v.detector(), ruleSet, ruleVersionHash, profile.name(),
                profile.versionHash(), v.tier(), v.tier().capConfidence(v.rawConfidence(), v.billingIsState()),
                v.action(), v.probableCause(), v.requiredAction(), v.risk(), savings,
                evidence(facts, v.detector(), row, scanDate, FindingSavings.basis(v.detector(), facts, profile)),
                scanDate.minusDays(windowDays - 1L), scanDate,
                v.outcome(), v.waiverReason());
    }

    static FindingEvidence evidence(ResourceFacts facts, String detector, Map<String, Object> row, LocalDate scanDate,
                                    String savingsBasis) {
        LocalDate from = scanDate.minusDays(FindingFacts.BILLING_WINDOW_DAYS - 1L);
        List<LedgerDay> window = facts.ledger().stream().filter(r -> r.resourceId().equals(facts.resourceId())
                && !r.day().isBefore(from) && !r.day().isAfter(scanDate)).toList();
        TreeSet<String> usageTypes = new TreeSet<>();
        window.forEach(r -> {
            if (r.usageType() != null) usageTypes.add(r.usageType());
        });
        List<EvidenceCost> costs = new ArrayList<>();
        for (ResourceCost c : ResourceCosts.over(window, from, scanDate)) {
            costs.add(new EvidenceCost(c.currency(), c.effective(), c.list(), c.committedEffective(), c.hours(),
                    c.billedDays()));
        }
        List<EvidenceMetric> metrics = new ArrayList<>();
        for (String[] pair : COMPARED.getOrDefault(detector, new String[][]{})) {
            metrics.add(new EvidenceMetric(pair[0], decimal(row.get(pair[0])), pair[1],
                    pair[1] == null ? null : decimal(row.get(pair[1]))));
        }
        Map<String, String> inventory = new TreeMap<>();
        InventoryItem item = facts.item();
        if (item != null) {
            inventory.put("kind", item.kind().wireName());
            put(inventory, "state", item.state());
            put(inventory, "size", item.size());
            put(inventory, "attachedTo", item.attachedTo());
            put(inventory, "zone", item.zone());
            put(inventory, "application", EnvironmentPeers.application(item.tags()));
        }
        for (String k : List.of("ageDays", "daysInState", "environment", "waiverTag", "resizedRecently", "nonProd",
                "prevGen", "attachedInstanceState")) {
            Object val = row.get(k);
            if (val != null && !"".equals(val)) inventory.put(k, val instanceof BigDecimal b ? b.toPlainString()
                    : val.toString());
        }
        return new FindingEvidence(List.copyOf(usageTypes), costs, metrics, inventory, savingsBasis);
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) m.put(k, v);
    }

    private static BigDecimal decimal(Object v) {
        return v instanceof BigDecimal b ? b : null;
    }
}
