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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outlay.model.inventory.ResourceKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The DRL input row: its keys match the rule sets' golden inputs, values are the signals, unknown stays null. */
class FindingFactsTest {

    private static final ThresholdProfile CONSERVATIVE = TestProfiles.load("conservative");

    private static BigDecimal dec(Object v) {
        return (BigDecimal) v;
    }

    private static void assertDecimal(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(dec(actual)), expected + " vs " + actual);
    }

    @Test
    void rowKeysAreExactlyTheInputsTheGoldenScenariosName() throws IOException {
        Map<String, Object> row = FindingFacts.row(new ResourceFacts("i-1", null, List.of(), List.of()), CONSERVATIVE,
                Fixtures.SCAN);
        for (String set : List.of("waste-rightsizing", "architectural-inefficiency")) {
            JsonNode first = TestProfiles.JSON.readTree(TestProfiles.RULES.resolve(set + "/scenarios/golden.json")
                    .toFile()).get(0).get("inputs");
            Set<String> golden = new TreeSet<>();
            first.fieldNames().forEachRemaining(golden::add);
            assertEquals(golden, new TreeSet<>(row.keySet()), set);
        }
    }

    @Test
    void idleHostSignalsAndThresholdsTravelTogether() {
        var item = Fixtures.item("i-1", ResourceKind.COMPUTE_INSTANCE, "running", "m5.xlarge", null, 400, 200,
                Map.of("env", "Prod"), Map.of());
        var facts = new ResourceFacts("i-1", item, Fixtures.daily("i-1", "USE1-BoxUsage:m5.xlarge", "24", "4.608",
                "4.608", "USD", false, Map.of()), Fixtures.hostMetrics("i-1", "1.5", "4", 1000));
        Map<String, Object> row = FindingFacts.row(facts, CONSERVATIVE, Fixtures.SCAN);
        assertEquals("compute-instance", row.get("kind"));
        assertEquals("running", row.get("state"));
        assertDecimal("14", row.get("completeDays"));
        assertDecimal("14", row.get("lowDays"));
        assertDecimal("4", row.get("cpuMax"));
        assertDecimal("1.5", row.get("cpuAvg"));
        assertDecimal("0.5", row.get("sizeRatio"));
        assertDecimal("400", row.get("ageDays"));
        assertDecimal("720", row.get("billedHours"));
        assertDecimal("1", row.get("hoursShare28d"));
        assertEquals(Boolean.FALSE, row.get("resizedRecently"));
        assertEquals("prod", row.get("environment"));
        assertEquals(Boolean.FALSE, row.get("nonProd"));
        assertEquals(Boolean.FALSE, row.get("hasMemory"));
        assertNull(row.get("memMax"), "an unmeasured metric stays unknown, never 0");
        assertDecimal("12", row.get("minCompleteDays"));
        assertDecimal("10", row.get("idleMaxCpuPercent"));
        assertEquals("conservative", row.get("profile"));
        assertEquals("v-conservative", row.get("profileVersion"));
    }

    @Test
    void equalSignalsGiveEqualRowsWhateverTheResourceId() {
        Map<String, Object> a = FindingFacts.row(new ResourceFacts("eip-a", null,
                Fixtures.daily("eip-a", "USE1-PublicIPv4:IdleAddress", "24", "0.12", "0.12", "USD", false, Map.of()),
                List.of()), CONSERVATIVE, Fixtures.SCAN);
        Map<String, Object> b = FindingFacts.row(new ResourceFacts("eip-b", null,
                Fixtures.daily("eip-b", "USE1-PublicIPv4:IdleAddress", "24", "0.12", "0.12", "USD", false, Map.of()),
                List.of()), CONSERVATIVE, Fixtures.SCAN);
        assertEquals(a, b);
        assertDecimal("168", a.get("idleIpHours7d"));
        assertEquals("unknown", a.get("kind"));
        assertNull(a.get("attached"));
        assertNull(a.get("ageDays"));
    }

    @Test
    void waiverTagsNonProdAndResizeComeFromTheProfilesLists() {
        List<LedgerDay> ledger = new ArrayList<>(Fixtures.daily("i-2", "BoxUsage:m5.large", "24", "2.3", "2.3", "USD",
                false, Map.of()));
        // Resized a week ago: the last days bill another size.
        ledger.replaceAll(r -> r.day().isAfter(Fixtures.SCAN.minusDays(7)) ? new LedgerDay(r.resourceId(), r.day(),
                "BoxUsage:m5.xlarge", null, r.hours(), r.effectiveCost(), r.listCost(), r.currency(), false, r.tags()) : r);
        var item = Fixtures.item("i-2", ResourceKind.COMPUTE_INSTANCE, "running", "m5.xlarge", null, 400, 200,
                Map.of("Environment", "Dev", "DR", "True"), Map.of());
        Map<String, Object> row = FindingFacts.row(new ResourceFacts("i-2", item, ledger, List.of()), CONSERVATIVE,
                Fixtures.SCAN);
        assertEquals("DR=True", row.get("waiverTag"));
        assertEquals(Boolean.TRUE, row.get("nonProd"));
        assertEquals(Boolean.TRUE, row.get("resizedRecently"));
        assertEquals(Boolean.FALSE, row.get("hasMetrics"));
        assertDecimal("0", row.get("completeDays"));
        assertNull(row.get("cpuMax"));
    }

    @Test
    void billingSignaturesBecomeSharesAndWholeAmounts() {
        List<LedgerDay> ledger = new ArrayList<>();
        ledger.addAll(Fixtures.daily("i-3", "USE1-BoxUsage:m4.large", "24", "2.40", "2.40", "USD", false, Map.of()));
        ledger.addAll(Fixtures.daily("i-3", "USE1-DataTransfer-Regional-Bytes", "0", "1.60", "1.60", "USD", false,
                Map.of()));
        var item = Fixtures.item("i-3", ResourceKind.COMPUTE_INSTANCE, "running", "m4.large", null, 400, 200,
                Map.of(), Map.of("zoneCount", "3"));
        Map<String, Object> row = FindingFacts.row(new ResourceFacts("i-3", item, ledger, List.of()), CONSERVATIVE,
                Fixtures.SCAN);
        assertDecimal("48", row.get("interAzCost"));
        assertDecimal("0.40", row.get("interAzShare"));
        assertEquals(Boolean.TRUE, row.get("prevGen"));
        assertDecimal("3", row.get("zoneCount"));
        assertEquals("USD", row.get("billingCurrency"));
    }

    @Test
    void profileAccessorsNameTheMissingKey() {
        var e = assertThrows(IllegalArgumentException.class, () -> CONSERVATIVE.number("nope"));
        assertEquals("profile conservative has no number threshold 'nope'", e.getMessage());
        assertEquals(32, CONSERVATIVE.integer("minAgeDays"));
        assertEquals("dev", CONSERVATIVE.list("nonProdEnvs").get(0));
        assertThrows(IllegalArgumentException.class,
                () -> ThresholdProfile.fromOutputs("x", null, null, Map.of("thresholds", Map.of())));
    }
}
