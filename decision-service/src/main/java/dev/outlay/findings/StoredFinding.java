/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A finding as stored: what was detected last (evidence, savings per currency, versions, the decision to replay) and
 * where its lifecycle stands. Savings are exact decimals, one range per currency; nothing adds them across currencies.
 */
public record StoredFinding(String id, String resourceId, String provider, String accountId, String region, String owner,
                            String ownerSource, String environment, String detector, String ruleSet, String ruleVersion,
                            String profile, String profileVersion, UUID decisionId, UUID profileDecisionId, String tier,
                            BigDecimal confidence, String action, String probableCause, String requiredAction, String risk,
                            List<SavingsRange> savings, @JsonRawValue String evidence, LocalDate windowStart, LocalDate windowEnd,
                            String status, String waiveReason, LocalDate waivedUntil, String closedReason, Instant actionedAt,
                            String actionedBy, UUID approvalRequestId, UUID violationId, String processInstanceId,
                            Instant firstSeen, Instant lastSeen, UUID lastScanId,
                            @JsonIgnore String statusBeforeApproval, @JsonIgnore Map<String, BigDecimal> actionBaseline) {
}
