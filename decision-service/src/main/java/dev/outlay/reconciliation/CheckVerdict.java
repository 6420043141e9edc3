/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import java.util.UUID;

/**
 * A measured comparison with what the tenant's {@code reconciliation} rule set made of it: the tolerance row and
 * the outcome row that applied, and the logged decisions behind both (replayable against another version).
 */
public record CheckVerdict(String checkKind, String periodState, ComparisonResult result, String severity,
                           boolean openTriage, String toleranceRuleId, String outcomeRuleId, String ruleVersionHash,
                           UUID toleranceDecisionId, UUID outcomeDecisionId) {
}
