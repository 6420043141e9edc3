/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What one scan detected about one resource and detector, ready to be stored: the engine's finding plus what the
 * service knows around it (owner from the allocation in force, environment, the decision ids to replay).
 *
 * @param evidenceJson the engine's evidence as JSON text (ledger usage types and cost totals, metric aggregates,
 *                     inventory facts the rule compared)
 */
public record FindingDetection(String id, String resourceId, String provider, String accountId, String region, String owner,
                               String ownerSource, String environment, String detector, String ruleSet, String ruleVersion,
                               String profile, String profileVersion, UUID decisionId, UUID profileDecisionId, String tier,
                               BigDecimal confidence, String action, String probableCause, String requiredAction, String risk,
                               List<SavingsRange> savings, String evidenceJson, LocalDate windowStart, LocalDate windowEnd) {

    public FindingDetection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(owner, "owner");
        savings = savings == null ? List.of() : List.copyOf(savings);
        if (savings.stream().map(SavingsRange::currency).distinct().count() != savings.size()) {
            throw new IllegalArgumentException("one savings range per currency");
        }
    }

    /** The same detection stored under an existing finding's id (a finding keeps its id once it has one). */
    public FindingDetection withId(String existingId) {
        return existingId.equals(id) ? this : new FindingDetection(existingId, resourceId, provider, accountId, region, owner, ownerSource,
                environment, detector, ruleSet, ruleVersion, profile, profileVersion, decisionId, profileDecisionId, tier, confidence,
                action, probableCause, requiredAction, risk, savings, evidenceJson, windowStart, windowEnd);
    }
}
