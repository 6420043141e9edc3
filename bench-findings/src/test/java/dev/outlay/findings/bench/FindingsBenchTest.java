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
package dev.outlay.findings.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outlay.findings.DetectedFinding;
import dev.outlay.findings.Detectors;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labelled benchmark at a small N (ten of every generator slot): every detector at precision and recall
 * >= 0.95, no finding on any confounder, every expected insufficient-data reported, and exact savings where the
 * model is exact (removal, resize, gp2, Multi-AZ, schedule, seats).
 */
class FindingsBenchTest {

    static BundledRules rules;
    static BenchScore score;

    @BeforeAll
    static void run() throws Exception {
        rules = new BundledRules();
        score = FindingsBench.accuracy(rules, "conservative", 15, 640, 2).score();
        System.out.print(score.table());
    }

    @Test
    void everyDetectorMeetsPrecisionAndRecallTargets() {
        score.detectors.forEach((d, r) -> {
            if (d.equals(Detectors.COMPUTE_OVERPROVISIONED) || r.tp + r.fn > 0) {
                assertTrue(r.tp > 0, d + " never detected");
            }
            assertTrue(r.precision() >= 0.95, d + " precision " + r.precision());
            assertTrue(r.recall() >= 0.95, d + " recall " + r.recall());
        });
    }

    @Test
    void confoundersAreNeverFlaggedAndMissingMetricsAreReported() {
        assertEquals(0, score.totalConfounderFindings(), score.confounderFindings.toString());
        assertTrue(score.confounders > 0);
        assertEquals(score.insufficientExpected, score.insufficientSeen);
        assertTrue(score.waived > 0, "the DR standby and the resized host are waived, not dropped");
        assertEquals(score.reservedCases, score.reservedLowZero, "a reservation keeps being paid: low savings 0");
    }

    @Test
    void savingsAreExactWhereTheModelIsExact() {
        for (String d : List.of(Detectors.COMPUTE_IDLE, Detectors.COMPUTE_OVERPROVISIONED, Detectors.EBS_UNATTACHED,
                Detectors.EIP_IDLE, Detectors.SNAPSHOT_ORPHAN, Detectors.LB_IDLE, Detectors.STOPPED_STORAGE,
                Detectors.EBS_GP2, Detectors.RDS_MULTIAZ_NONPROD, Detectors.NONPROD_ALWAYS_ON, Detectors.NONPROD_PROD_SHAPED, Detectors.COMPUTE_PREVGEN,
                Detectors.SAAS_UNUSED_SEATS)) {
            assertTrue(score.detectors.get(d).savingsMape() < 0.005, d + " savings error "
                    + score.detectors.get(d).savingsMape());
        }
    }

    @Test
    void theSameSeedGivesTheSameFindings() {
        FindingsGenerator gen = new FindingsGenerator(15);
        FindingsPipeline p = new FindingsPipeline(rules, rules.profile("conservative"), "bench");
        for (int i = 0; i < 64; i++) {
            List<DetectedFinding> a = p.run(gen.generate(i), FindingsGenerator.SCAN);
            List<DetectedFinding> b = p.run(new FindingsGenerator(15).generate(i), FindingsGenerator.SCAN);
            assertEquals(a, b);
        }
    }

    @Test
    void aPreviousGenerationSizeThePriceListLacksIsFoundWithoutASavingsFigure() {
        FindingsGenerator gen = new FindingsGenerator(15);
        FindingsPipeline p = new FindingsPipeline(rules, rules.profile("conservative"), "bench");
        int seen = 0;
        for (int i = 0; i < 640; i++) {
            LabelledCase c = gen.generate(i);
            if (!c.template().equals("prevgen") || !"m3.medium".equals(c.item().size())) continue;
            DetectedFinding f = p.run(c, FindingsGenerator.SCAN).stream()
                    .filter(x -> x.detector().equals(Detectors.COMPUTE_PREVGEN)).findFirst().orElseThrow();
            assertEquals(List.of(), f.savings());
            assertTrue(f.evidence().savingsBasis().startsWith("no savings figure: m3.medium"), f.evidence().savingsBasis());
            seen++;
        }
        assertTrue(seen > 0, "the generator plants unpriced sizes");
    }
}
