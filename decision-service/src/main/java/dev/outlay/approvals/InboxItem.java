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
import java.util.Set;

/** A task the caller may act on, with the business context needed to decide without leaving the inbox. */
public record InboxItem(String taskId, String taskName, String status, String actualOwner, Set<String> groups,
                        String kind, String subjectId, String requester, String owner, String resourceClass, String environment,
                        BigDecimal amount, String currency, String policyReason, String ruleId, BigDecimal budgetRemaining,
                        BigDecimal forecastOverrunPct, Instant deadline, String question) {
}
