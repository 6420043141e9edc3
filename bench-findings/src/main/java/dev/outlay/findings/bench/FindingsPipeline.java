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

import dev.outlay.findings.DailyMetric;
import dev.outlay.findings.DetectedFinding;
import dev.outlay.findings.EnvironmentPeers;
import dev.outlay.findings.FindingBuilder;
import dev.outlay.findings.FindingFacts;
import dev.outlay.findings.MetricAggregator;
import dev.outlay.findings.ResourceFacts;
import dev.outlay.findings.ThresholdProfile;
import dev.outlay.findings.Verdict;
import dev.outlay.findings.Verdicts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The scan path for one resource, exactly as the findings service runs it, minus the database. */
public final class FindingsPipeline {

    private final BundledRules rules;
    private final ThresholdProfile profile;
    private final String tenant;
    private final MetricAggregator aggregator = new MetricAggregator();

    public FindingsPipeline(BundledRules rules, ThresholdProfile profile, String tenant) {
        this.rules = rules;
        this.profile = profile;
        this.tenant = tenant;
    }

    /** Aggregation only: the baseline pass (hourly samples to daily aggregates and the row's inputs). */
    public ResourceFacts facts(LabelledCase c, LocalDate scan) {
        List<DailyMetric> daily = c.samples().isEmpty() ? List.of()
                : aggregator.daily(c.samples(), scan.minusDays(FindingFacts.METRIC_WINDOW_DAYS - 1L), scan);
        ResourceFacts self = new ResourceFacts(c.resourceId(), c.item(), c.ledger(), daily);
        if (c.peers().isEmpty()) return self;
        // The service builds EnvironmentPeers over the whole tenant; here the tenant is the application's members.
        List<ResourceFacts> all = new ArrayList<>();
        all.add(self);
        for (LabelledCase p : c.peers()) all.add(new ResourceFacts(p.resourceId(), p.item(), p.ledger(), List.of()));
        return self.withPeers(EnvironmentPeers.of(all, scan));
    }

    public List<DetectedFinding> run(LabelledCase c, LocalDate scan) {
        ResourceFacts facts = facts(c, scan);
        Map<String, Object> row = FindingFacts.row(facts, profile, scan);
        List<DetectedFinding> out = new ArrayList<>();
        for (BundledRules.Drl drl : rules.drl()) {
            for (Verdict v : Verdicts.from(drl.decide(row))) {
                out.add(FindingBuilder.build(tenant, facts, v, drl.name(), drl.hash(), profile, scan, row));
            }
        }
        return out;
    }
}
