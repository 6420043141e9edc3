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
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outlay.model.inventory.ResourceKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cross-resource environment signal: grouping by application tag, shape overlap with production, hours share. */
class EnvironmentPeersTest {

    private static final ThresholdProfile CONSERVATIVE = TestProfiles.load("conservative");
    private static final List<String> PROD = CONSERVATIVE.list("prodEnvs");

    private static ResourceFacts host(String id, String app, String env, ResourceKind kind, String size, String state,
                                      String hoursPerDay) {
        var item = Fixtures.item(id, kind, state, size, null, 400, 200, Map.of("Application", app, "env", env), Map.of());
        return new ResourceFacts(id, item, hoursPerDay == null ? List.of()
                : Fixtures.daily(id, "BoxUsage:" + size, hoursPerDay, "1", "1", "USD", false, Map.of()), List.of());
    }

    private static List<ResourceFacts> shop() {
        List<ResourceFacts> all = new ArrayList<>();
        all.add(host("p1", "shop", "prod", ResourceKind.COMPUTE_INSTANCE, "m5.xlarge", "running", "24"));
        all.add(host("p2", "shop", "production", ResourceKind.COMPUTE_INSTANCE, "m5.xlarge", "running", "24"));
        all.add(host("p3", "shop", "prod", ResourceKind.DATABASE_INSTANCE, "db.r5.large", "available", "24"));
        all.add(host("s1", "shop", "staging", ResourceKind.COMPUTE_INSTANCE, "m5.xlarge", "running", "24"));
        all.add(host("s2", "shop", "staging", ResourceKind.COMPUTE_INSTANCE, "m5.xlarge", "running", "24"));
        all.add(host("s3", "shop", "staging", ResourceKind.DATABASE_INSTANCE, "db.r5.large", "available", "24"));
        // dev: same shape, weekday office hours only (12 h a day on every day here: 0.5 of the hours)
        all.add(host("d1", "shop", "dev", ResourceKind.COMPUTE_INSTANCE, "m5.xlarge", "running", "12"));
        all.add(host("d2", "shop", "dev", ResourceKind.COMPUTE_INSTANCE, "m5.large", "running", "12"));
        all.add(host("d3", "shop", "dev", ResourceKind.COMPUTE_INSTANCE, "m5.large", "stopped", null));
        // qa: one small host, and a host whose billing is not loaded
        all.add(host("q1", "shop", "qa", ResourceKind.COMPUTE_INSTANCE, "t3.small", "running", "24"));
        all.add(host("q2", "shop", "qa", ResourceKind.COMPUTE_INSTANCE, "t3.small", "running", null));
        // another application without production, and a host without an application tag
        all.add(host("o1", "search", "staging", ResourceKind.COMPUTE_INSTANCE, "m5.xlarge", "running", "24"));
        all.add(new ResourceFacts("x1", Fixtures.item("x1", ResourceKind.COMPUTE_INSTANCE, "running", "m5.xlarge",
                null, 400, 200, Map.of("env", "staging"), Map.of()), List.of(), List.of()));
        return all;
    }

    @Test
    void aStagingCopyOfProductionIsSimilarAndAlwaysOn() {
        EnvironmentPeers peers = EnvironmentPeers.of(shop(), Fixtures.SCAN);
        EnvironmentShape s = peers.shape("s2", PROD).orElseThrow();
        assertEquals("shop", s.application());
        assertEquals("staging", s.environment());
        assertEquals(3, s.members());
        assertEquals(3, s.prodMembers(), "prod and production are one production");
        assertEquals(new BigDecimal("1.00"), s.similarity());
        assertEquals(new BigDecimal("1.00"), s.alwaysOnShare());
    }

    @Test
    void differentSizesLowerTheOverlapAndScheduledHoursLowerTheShare() {
        EnvironmentPeers peers = EnvironmentPeers.of(shop(), Fixtures.SCAN);
        EnvironmentShape dev = peers.shape("d1", PROD).orElseThrow();
        // dev {m5.xlarge, m5.large} (stopped d3 is no member) vs prod {2 x m5.xlarge, db.r5.large}: shared 1 of 2 + 1 + 1
        assertEquals(2, dev.members());
        assertEquals(new BigDecimal("0.25"), dev.similarity());
        assertEquals(new BigDecimal("0.50"), dev.alwaysOnShare());
        assertTrue(peers.shape("d3", PROD).isEmpty(), "a stopped instance is no member");
        EnvironmentShape qa = peers.shape("q1", PROD).orElseThrow();
        assertEquals(new BigDecimal("0.00"), qa.similarity());
        assertEquals(new BigDecimal("1.00"), qa.alwaysOnShare(), "averaged over the members billing knows");
    }

    @Test
    void productionWithoutAPeerOrWithoutTagsHasNoShape() {
        EnvironmentPeers peers = EnvironmentPeers.of(shop(), Fixtures.SCAN);
        assertTrue(peers.shape("p1", PROD).isEmpty(), "production is the reference, not judged");
        assertTrue(peers.shape("o1", PROD).isEmpty(), "an application without production");
        assertTrue(peers.shape("x1", PROD).isEmpty(), "no application tag");
        assertTrue(peers.shape("p1", List.of("staging")).isPresent(), "which values are production is the profile's list");
    }

    @Test
    void theRowCarriesTheShapeAndUnknownStaysNull() {
        List<ResourceFacts> all = shop();
        EnvironmentPeers peers = EnvironmentPeers.of(all, Fixtures.SCAN);
        Map<String, Object> row = FindingFacts.row(all.get(3).withPeers(peers), CONSERVATIVE, Fixtures.SCAN);
        assertEquals(0, BigDecimal.valueOf(3).compareTo((BigDecimal) row.get("envMembers")));
        assertEquals(0, BigDecimal.valueOf(3).compareTo((BigDecimal) row.get("prodMembers")));
        assertEquals(new BigDecimal("1.00"), row.get("prodShapeSimilarity"));
        assertEquals(new BigDecimal("1.00"), row.get("envAlwaysOnShare"));
        assertEquals(0, new BigDecimal("0.9").compareTo((BigDecimal) row.get("prodShapedMinSimilarity")));
        Map<String, Object> alone = FindingFacts.row(all.get(3), CONSERVATIVE, Fixtures.SCAN);
        assertNull(alone.get("prodShapeSimilarity"));
        assertNull(alone.get("envAlwaysOnShare"));
        assertTrue(alone.containsKey("envMembers"));
    }

    @Test
    void savingsScheduleTheEnvironmentAndTopOutAtRemovingIt() {
        List<ResourceFacts> all = shop();
        ResourceFacts s1 = all.get(3).withPeers(EnvironmentPeers.of(all, Fixtures.SCAN));
        Map<String, Object> row = FindingFacts.row(s1, CONSERVATIVE, Fixtures.SCAN);
        SavingsRange r = FindingSavings.of(Detectors.NONPROD_PROD_SHAPED, s1, row, CONSERVATIVE, Fixtures.SCAN).get(0);
        // 30 days x 1.00 → 30.4375 a month; off-hours 1 - 60/168 = 0.642857
        assertEquals(new BigDecimal("19.57"), r.low());
        assertEquals(new BigDecimal("19.57"), r.expected());
        assertEquals(new BigDecimal("30.44"), r.high());
        assertEquals("USD", r.currency());
    }
}
