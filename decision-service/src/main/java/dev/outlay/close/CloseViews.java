/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The close API's response bodies. */
public final class CloseViews {

    private CloseViews() {
    }

    public record PeriodSummary(String period, String state, Integer finalPackageVersion, String finalPackageHash, Instant updatedAt) {
    }

    /**
     * {@code reconciliationRunId}: the run whose figures the package states (its decisions are listed on the run); kept
     * out of the package's bytes, see {@link PackageReconciliation}.
     */
    public record PackageView(int version, String kind, String status, String packageHash, String zipSha256, String createdBy,
                              Instant createdAt, String decidedBy, Instant decidedAt, String reason, Integer restatesVersion,
                              String reconciliationRunId, JsonNode manifest, String download) {
    }

    public record TaskView(String taskId, String taskName, String status, String actualOwner, Set<String> groups, Set<String> excludedUsers,
                           String subjectType, String subjectId) {
    }

    public record EventView(Instant at, String actor, String kind, String detail) {
    }

    public record PeriodView(String period, String state, String preparedBy, String processInstanceId, Integer finalPackageVersion,
                             List<PackageView> packages, List<TaskView> tasks, List<EventView> history) {
    }

    /** One restatement proposal: who proposed it (by which change), who decided, why, and the diff. */
    public record RestatementView(String id, String period, String status, String triggerKind, String triggerId, int baseVersion,
                                  String basePackageHash, int candidateVersion, String candidatePackageHash, String proposedBy,
                                  Instant proposedAt, String decidedBy, Instant decidedAt, String reason, PackageDiff diff) {
    }

    public record VerifyView(int version, String storedPackageHash, String regeneratedPackageHash, String storedZipSha256,
                             String regeneratedZipSha256, boolean identical) {
    }
}
