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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outlay.model.inventory.ResourceKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Savings per detector, confidence caps, ids and evidence of built findings. */
class FindingBuilderTest {

    private static final ThresholdProfile PROFILE = TestProfiles.load("conservative");

    private static Verdict verdict(String detector, EvidenceTier tier, String confidence, boolean billingIsState) {
        return new Verdict(detector, "finding", "REVIEW", "cause", "act", "low", new BigDecimal(confidence), tier,
                billingIsState, null);
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " vs " + actual);
    }

    private static ResourceFacts instance(List<LedgerDay> ledger) {
        var item = Fixtures.item("i-1", ResourceKind.COMPUTE_INSTANCE, "running", "m5.xlarge", null, 400, 200,
                Map.of(), Map.of());
        return new ResourceFacts("i-1", item, ledger, Fixtures.hostMetrics("i-1", "1", "3", 100));
    }

    @Test
    void removalIsTheThirtyDayRunRateAndLowExcludesTheCommitment() {
        // 30 days at 4.00 effective / 5.00 list, half the days covered by a reservation.
        List<LedgerDay> ledger = new ArrayList<>(Fixtures.daily("i-1", "BoxUsage:m5.xlarge", "24", "4.00", "5.00",
                "USD", false, Map.of()));
        for (int i = 0; i < 15; i++) {
            LedgerDay r = ledger.get(i);
            ledger.set(i, new LedgerDay(r.resourceId(), r.day(), r.usageType(), null, r.hours(), r.effectiveCost(),
                    r.listCost(), r.currency(), true, r.tags()));
        }
        DetectedFinding f = FindingBuilder.build("t1", instance(ledger),
                verdict(Detectors.COMPUTE_IDLE, EvidenceTier.METRICS, "0.99", false), Detectors.WASTE_RULE_SET, "h1",
                PROFILE, Fixtures.SCAN);
        SavingsRange s = f.savings().get(0);
        // 120 effective over 30 days = 121.75 a month; 60 uncovered = 60.875 -> 60.88; list 150 -> 152.19 (half-even).
        assertMoney("121.75", s.expected());
        assertMoney("60.88", s.low());
        assertMoney("152.19", s.high());
        assertEquals("USD", s.currency());
        assertMoney("0.95", f.confidence());
        assertEquals(FindingId.of("t1", "i-1", Detectors.COMPUTE_IDLE, 14, Detectors.WASTE_RULE_SET), f.id());
        assertEquals(Fixtures.SCAN.minusDays(13), f.windowStart());
        assertEquals(Fixtures.SCAN, f.windowEnd());
        assertEquals("aws", f.provider());
        assertEquals("conservative", f.profile());
        assertEquals("v-conservative", f.profileVersion());
        assertEquals("finding", f.outcome());
    }

    @Test
    void resizeSavesWhatTheSmallerSizeDoesNotCost() {
        DetectedFinding f = FindingBuilder.build("t1", instance(Fixtures.daily("i-1", "BoxUsage:m5.xlarge", "24",
                "4.608", "4.608", "USD", false, Map.of())), verdict(Detectors.COMPUTE_OVERPROVISIONED,
                EvidenceTier.METRICS, "0.9", false), Detectors.WASTE_RULE_SET, "h1", PROFILE, Fixtures.SCAN);
        // 138.24 a window, half of it 69.12 -> 69.12 x 30.4375 / 30 = 70.128 a month.
        assertMoney("70.13", f.savings().get(0).expected());
        assertTrue(f.evidence().metrics().stream().anyMatch(m -> m.name().equals("cpuMax")
                && m.threshold().equals("rightsizeCpuCeilingPercent")));
        assertEquals("m5.xlarge", f.evidence().inventory().get("size"));
    }

    @Test
    void currenciesAreNeverAdded() {
        List<LedgerDay> ledger = new ArrayList<>(Fixtures.daily("i-1", "BoxUsage:m5.xlarge", "24", "3.00", "3.00",
                "USD", false, Map.of()));
        ledger.addAll(Fixtures.daily("i-1", "BoxUsage:m5.xlarge", "0", "1.00", "1.00", "EUR", false, Map.of()));
        DetectedFinding f = FindingBuilder.build("t1", instance(ledger), verdict(Detectors.COMPUTE_IDLE,
                EvidenceTier.METRICS, "0.9", false), Detectors.WASTE_RULE_SET, "h1", PROFILE, Fixtures.SCAN);
        assertEquals(List.of("EUR", "USD"), f.savings().stream().map(SavingsRange::currency).toList());
        assertMoney("30.44", f.savings().get(0).expected());
        assertMoney("91.31", f.savings().get(1).expected());
        assertEquals(2, f.evidence().costs().size());
    }

    @Test
    void gp2SavesTwentyPercentOfItsStorageOnly() {
        List<LedgerDay> ledger = new ArrayList<>(Fixtures.daily("vol-1", "EBS:VolumeUsage.gp2", "0", "0.60", "0.60",
                "USD", false, Map.of()));
        ledger.addAll(Fixtures.daily("vol-1", "EBS:VolumeIOUsage", "0", "0.40", "0.40", "USD", false, Map.of()));
        var item = Fixtures.item("vol-1", ResourceKind.BLOCK_VOLUME, "in-use", "gp2", "i-1", 400, 200, Map.of(),
                Map.of("volumeSizeGiB", "200"));
        DetectedFinding f = FindingBuilder.build("t1", new ResourceFacts("vol-1", item, ledger, List.of()),
                verdict(Detectors.EBS_GP2, EvidenceTier.INVENTORY, "0.8", false), Detectors.ARCH_RULE_SET, "h2",
                PROFILE, Fixtures.SCAN);
        // gp2 rows 18.00 a window -> 18.26 a month; 20 %: 3.65 (3.6525 half-even).
        assertMoney("3.65", f.savings().get(0).expected());
        assertEquals(Fixtures.SCAN.minusDays(29), f.windowStart());
        assertEquals(List.of("EBS:VolumeIOUsage", "EBS:VolumeUsage.gp2"), f.evidence().usageTypes());
    }

    @Test
    void rangesPerDetectorKeepLowExpectedHighInOrder() {
        List<LedgerDay> ledger = new ArrayList<>(Fixtures.daily("nat-1", "USE1-NatGateway-Hours", "24", "1.08",
                "1.08", "USD", false, Map.of()));
        ledger.addAll(Fixtures.daily("nat-1", "USE1-NatGateway-Bytes", "0", "30.00", "30.00", "USD", false, Map.of()));
        ResourceFacts nat = new ResourceFacts("nat-1", null, ledger, List.of());
        SavingsRange s = FindingBuilder.build("t1", nat, verdict(Detectors.NET_NAT_HEAVY, EvidenceTier.BILLING, "0.6",
                false), Detectors.ARCH_RULE_SET, "h2", PROFILE, Fixtures.SCAN).savings().get(0);
        assertMoney("0", s.low());
        assertMoney("456.56", s.expected());
        assertMoney("913.12", s.high()); // 913.125 rounds half-even to the even cent
        List<LedgerDay> az = Fixtures.daily("i-9", "USE1-DataTransfer-Regional-Bytes", "0", "10.00", "10.00", "USD",
                false, Map.of());
        SavingsRange a = FindingBuilder.build("t1", new ResourceFacts("i-9", null, az, List.of()),
                verdict(Detectors.NET_INTERAZ, EvidenceTier.BILLING, "0.6", false), Detectors.ARCH_RULE_SET, "h2",
                PROFILE, Fixtures.SCAN).savings().get(0);
        // 300 a window -> 304.375 a month: 50 % / 75 % / 100 %.
        assertMoney("152.19", a.low());
        assertMoney("228.28", a.expected());
        assertMoney("304.38", a.high());
        SavingsRange on = FindingBuilder.build("t1", new ResourceFacts("i-9", null, az, List.of()),
                verdict(Detectors.NONPROD_ALWAYS_ON, EvidenceTier.BILLING, "0.7", false), Detectors.ARCH_RULE_SET,
                "h2", PROFILE, Fixtures.SCAN).savings().get(0);
        // 1 - 60/168 = 0.642857 of 304.375.
        assertMoney("195.67", on.expected());
    }

    @Test
    void billingIsStateLiftsTheBillingCap() {
        ResourceFacts eip = new ResourceFacts("eip-1", null, Fixtures.daily("eip-1", "PublicIPv4:IdleAddress", "24",
                "0.12", "0.12", "USD", false, Map.of()), List.of());
        assertMoney("0.90", FindingBuilder.build("t1", eip, verdict(Detectors.EIP_IDLE, EvidenceTier.BILLING, "0.9",
                true), Detectors.WASTE_RULE_SET, "h1", PROFILE, Fixtures.SCAN).confidence());
        assertMoney("0.60", FindingBuilder.build("t1", eip, verdict(Detectors.EIP_IDLE, EvidenceTier.BILLING, "0.9",
                false), Detectors.WASTE_RULE_SET, "h1", PROFILE, Fixtures.SCAN).confidence());
    }

    @Test
    void sizeLadderStepsDownWithinTheFamily() {
        assertEquals("m5.large", SizeLadder.down("m5.xlarge").orElseThrow().to());
        assertEquals("db.r5.xlarge", SizeLadder.down("db.r5.2xlarge").orElseThrow().to());
        assertEquals("c6g.12xlarge", SizeLadder.down("c6g.24xlarge").orElseThrow().to());
        assertEquals("Standard_D2s_v5", SizeLadder.down("Standard_D4s_v5").orElseThrow().to());
        assertEquals("n2-standard-4", SizeLadder.down("n2-standard-8").orElseThrow().to());
        assertTrue(SizeLadder.down("t3.nano").isEmpty());
        assertTrue(SizeLadder.down("m5.12xlarge").isEmpty());
        assertTrue(SizeLadder.down("gp2").isEmpty());
        assertEquals("m4", SizeLadder.family("m4.large"));
        assertEquals("db.t2", SizeLadder.family("db.t2.micro"));
    }
}
