/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

/** One routing outcome: the channel, the integration connection it names, and the rule row that chose it. */
public record Route(String channel, String target, String ruleId, String versionHash, java.util.UUID decisionId) {

    public static final String NONE = "none";

    public boolean sends() {
        return channel != null && !NONE.equals(channel) && target != null && !target.isBlank();
    }
}
