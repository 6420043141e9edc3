/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.outlay.decisions.DecisionRecord;
import dev.outlay.decisions.DecisionService;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One scan of the tenant: the profile's thresholds from the finding-profiles table, one input row per resource
 * (FindingFacts), both DRL rule sets over those rows through the decision service (one logged decision per distinct
 * row, so each finding's decision id replays it), findings built by the engine, owners from the allocation in force.
 * Evaluation happens outside any transaction; {@link FindingReconciler} applies the outcome in one.
 */
@ApplicationScoped
public class FindingScanService {

    static final List<String> RULE_SETS = List.of(Detectors.WASTE_RULE_SET, Detectors.ARCH_RULE_SET);
    /** Evidence as stable JSON: same facts, same bytes. */
    private static final ObjectMapper EVIDENCE = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    public interface Progress {
        void at(int total, int evaluated);
    }

    @Inject
    DecisionService decisions;

    @Inject
    FindingFactsReader reader;

    @Inject
    FindingOwners owners;

    @Inject
    FindingReconciler reconciler;

    public FindingScan.Counts scan(UUID scanId, String profileName, LocalDate asOf, Progress progress) {
        String tenant = TenantContext.requireTenant();
        DecisionRecord p = decisions.evaluate(Detectors.PROFILE_RULE_SET, null, Map.of("profile", profileName));
        ThresholdProfile profile = ThresholdProfile.fromOutputs(profileName, p.versionHash(), p.id(), p.outputValues());
        FindingFactsReader.Read read = reader.read(asOf);
        List<ResourceFacts> facts = read.facts();
        int n = facts.size();
        progress.at(n, 0);
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (ResourceFacts f : facts) rows.add(FindingFacts.row(f, profile, asOf));

        List<FindingDetection> detected = new ArrayList<>();
        List<FindingUndecided> undecided = new ArrayList<>();
        Map<String, String> versions = new HashMap<>();
        Map<String, FindingOwners.Resolved> ownerCache = new HashMap<>();
        for (int s = 0; s < RULE_SETS.size(); s++) {
            String ruleSet = RULE_SETS.get(s);
            if (n == 0) {
                versions.put(ruleSet, decisions.activeVersion(ruleSet));
                continue;
            }
            int offset = s * n;
            DecisionService.BulkResult r = decisions.evaluateBulk(ruleSet, null, rows,
                    done -> progress.at(n, (offset + done) / RULE_SETS.size()));
            versions.put(ruleSet, r.versionHash());
            for (int i = 0; i < n; i++) {
                ResourceFacts f = facts.get(i);
                for (Verdict v : Verdicts.from(r.outputs().get(i))) {
                    FindingOwners.Resolved o = ownerCache.computeIfAbsent(f.resourceId(),
                            id -> owners.resolve(id, f.item() == null ? Map.of() : f.item().tags()));
                    if (!v.isFinding()) {
                        // insufficient data or a rule-level waiver: kept with its reason for the scan's undecided list;
                        // the stored finding (if any) is left as it is
                        undecided.add(undecided(f, v, ruleSet, r.versionHash(), r.decisionIds().get(i), o));
                        continue;
                    }
                    DetectedFinding d = FindingBuilder.build(tenant, f, v, ruleSet, r.versionHash(), profile, asOf);
                    detected.add(detection(d, o, r.decisionIds().get(i), p.id()));
                }
            }
        }
        progress.at(n, n);
        Set<String> scanned = new TreeSet<>();
        facts.forEach(f -> scanned.add(f.resourceId()));
        return reconciler.apply(new FindingReconciler.Outcome(scanId, profile.name(), profile.versionHash(), asOf, n, detected, undecided,
                scanned, read.absent(), versions));
    }

    private static FindingUndecided undecided(ResourceFacts f, Verdict v, String ruleSet, String version, UUID decisionId,
                                              FindingOwners.Resolved o) {
        String reason = Verdict.WAIVED.equals(v.outcome()) ? v.waiverReason() : v.probableCause();
        FindingOwners.Billed b = o.billed();
        String provider = f.item() != null ? f.item().provider() : b == null ? null : b.provider();
        String account = f.item() != null ? f.item().accountId() : b == null ? null : b.accountId();
        String region = f.item() != null ? f.item().region() : b == null ? null : b.region();
        return new FindingUndecided(f.resourceId(), v.detector(), v.outcome(), reason == null ? v.outcome() : reason, ruleSet, version,
                decisionId, o.team(), provider, account, region);
    }

    private static FindingDetection detection(DetectedFinding d, FindingOwners.Resolved o, UUID decisionId, UUID profileDecisionId) {
        FindingOwners.Billed b = o.billed();
        String provider = d.provider() != null ? d.provider() : b == null ? null : b.provider();
        String account = d.accountId() != null ? d.accountId() : b == null ? null : b.accountId();
        String region = d.region() != null ? d.region() : b == null ? null : b.region();
        String evidence;
        try {
            evidence = EVIDENCE.writeValueAsString(d.evidence());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("finding evidence is not serialisable", e);
        }
        return new FindingDetection(d.id(), d.resourceId(), provider, account, region, o.team(), o.source(), o.environment(),
                d.detector(), d.ruleSet(), d.ruleVersion(), d.profile(), d.profileVersion(), decisionId, profileDecisionId,
                d.tier().name(), d.confidence(), d.action(), d.probableCause(), d.requiredAction(), d.risk(), d.savings(), evidence,
                d.windowStart(), d.windowEnd());
    }
}
