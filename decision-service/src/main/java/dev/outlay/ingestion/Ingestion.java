/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import dev.outlay.api.problem.Problem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One manifest entry: a file (or S3 object set) and what became of it. */
public record Ingestion(UUID id, String source, String sourceKind, String objectKey, String checksum,
                        String schemaVersion, String status, Progress progress, Counts counts,
                        List<String> billingPeriods, Map<String, Long> flaggedRows, UUID duplicateOf, UUID supersededBy,
                        Problem error, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt,
                        Map<String, Long> timingsMs, Retraction retraction) {

    /** Every status a manifest entry can have (the CHECK of outlay.ingestion.status, V77). */
    public static final List<String> STATUSES = List.of("queued", "running", "succeeded", "failed", "duplicate", "retracted");

    /** Who took a loaded file's rows out of the ledger, when, why, and how many rows that removed. */
    public record Retraction(String by, Instant at, String reason, long rowsRemoved) {
    }

    public record Progress(Long bytesTotal, long bytesRead, long rowsRead) {
    }

    public record Counts(long rowsRead, long rowsLoaded, long rowsFlagged, long rowsReplaced) {
    }

    public boolean terminal() {
        return !status.equals("queued") && !status.equals("running");
    }
}
