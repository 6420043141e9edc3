/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.policy;

/**
 * The spend policy's answer. {@code versionHash} names the rule version that decided and {@code decisionId} the
 * decision-log entry, so an auditor can replay it; both are null while the bundled model decides.
 */
public record PolicyOutcome(String outcome, String reason, String approverRole, Integer slaHours, String ruleId,
                            String versionHash, String decisionId) {

    public static final String ALLOW = "allow";
    public static final String WARN = "warn";
    public static final String BLOCK = "block";
    public static final String ESCALATE = "escalate";

    public boolean is(String o) {
        return o.equals(outcome);
    }
}
