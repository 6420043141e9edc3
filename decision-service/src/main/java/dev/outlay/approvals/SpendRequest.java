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

/**
 * A recorded request to spend, with the policy outcome it got and where its approval stands. {@code amount} is in
 * {@code currency}; {@code budgetRemaining} in {@code budgetCurrency}. When the two differ, {@code conversion}
 * records the rate, its date and the rate-set version the policy decided with.
 */
public record SpendRequest(UUID id, String requester, UUID budgetId, String resourceClass, String environment, String owner,
                           BigDecimal amount, String currency, String description, String outcome, String ruleId,
                           String policyReason, String policyVersion, String approverGroup, Integer slaHours,
                           BigDecimal budgetRemaining, BigDecimal forecastOverrunPct, String status,
                           Instant taskDeadline, String processInstanceId, String decidedBy, Instant decidedAt, Instant createdAt,
                           String budgetCurrency, dev.outlay.money.Conversion conversion) {

    public static final String ALLOWED = "allowed";
    public static final String WARNED = "warned";
    public static final String BLOCKED = "blocked";
    public static final String PENDING = "pending_approval";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String EXPIRED = "expired";
}
