/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The completeness check under the rule set: whether the missing source-days exceed the allowance, the missing
 * share in percent of the expected source-days (negative: days short), and the two logged decisions.
 */
public record CompletenessVerdict(boolean breach, BigDecimal allowance, BigDecimal differencePercent, String severity,
                                  boolean openTriage, String toleranceRuleId, String outcomeRuleId, String ruleVersionHash,
                                  UUID toleranceDecisionId, UUID outcomeDecisionId) {
}
