/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reconciliation run as the API shows it: running while checks are evaluated (progress: checks done of the
 * planned total), then passed, breached or failed. {@code result} is the stored {@link ReconciliationResult}
 * (omitted in lists), {@code problem} the problem detail of a failed run; {@code eventId} and {@code violationId}
 * the breach alert and the FinOps triage it opened.
 */
public record ReconciliationRun(UUID id, String period, String periodState, String status, String ruleVersionHash,
                                Progress progress, List<UUID> decisionIds, String resultSha256, UUID eventId, UUID violationId,
                                String createdBy, Instant createdAt, Instant finishedAt, @JsonRawValue String result,
                                @JsonRawValue String problem) {

    public record Progress(Integer checksTotal, int checksDone) {
    }

    public boolean open() {
        return status.equals("running");
    }
}
