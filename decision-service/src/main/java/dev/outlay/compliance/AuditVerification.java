/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

import dev.outlay.audit.AuditChain;

/**
 * The audit chain verification as a pack states it: the chain from its genesis through the window's end, checked
 * against the signed anchors up to there. Times are ISO-8601 text (the pack's canonical JSON has no time types).
 */
public record AuditVerification(String through, boolean valid, long entries, Long firstBrokenSeq, String reason, String anchoring,
                                Long anchorSeq, String anchorHeadHash, String anchoredAt, Long anchors) {

    static AuditVerification of(String through, AuditChain.Verification v) {
        var a = v.anchor();
        return new AuditVerification(through, v.valid(), v.entries(), v.firstBrokenSeq(), v.reason(), v.anchoring(),
                a == null ? null : a.seq(), a == null ? null : a.headHash(), a == null ? null : a.anchoredAt().toString(),
                a == null ? null : a.anchors());
    }
}
