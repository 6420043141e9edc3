/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import java.util.UUID;

/**
 * A resource a detector did not judge in a scan: {@code insufficient-data} (too few complete days of the metrics the
 * rule needs) or {@code waived} (a waiver rule matched: DR/backup tags, a young resource, a recent resize). The
 * reason is the rule's own sentence; {@code decisionId} replays the verdict.
 */
public record FindingUndecided(String resourceId, String detector, String outcome, String reason, String ruleSet, String ruleVersion,
                               UUID decisionId, String owner, String provider, String accountId, String region) {

    /** The key a stored finding of the same resource and detector is matched on. */
    String key() {
        return key(resourceId, detector);
    }

    static String key(String resourceId, String detector) {
        return resourceId + "\u001f" + detector;
    }
}
