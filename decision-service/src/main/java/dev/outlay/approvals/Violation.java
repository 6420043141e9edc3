/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Observed spend over a guardrail: who owns it, which policy version judged it, the evidence, and triage progress. */
public record Violation(UUID id, String owner, String resourceClass, String environment, BigDecimal amount, String currency, String outcome,
                        String ruleId, String policyReason, String policyVersion, String evidence, String status,
                        String processInstanceId, String action, String acknowledgedBy, String verifiedBy, Instant createdAt) {
}
