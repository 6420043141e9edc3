/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A scan as an observable job: queued → running → succeeded | failed, with progress and what it changed; per detector
 * the findings, insufficient-data and waived verdicts of a succeeded scan (empty before).
 */
public record FindingScan(UUID id, String status, String trigger, String profile, String profileVersion, LocalDate asOf,
                          Progress progress, Counts counts, List<DetectorCounts> detectors, String createdBy, Instant startedAt, Instant finishedAt,
                          @JsonRawValue String problem) {

    /** Resources evaluated so far out of those the scan read (null until the facts are read). */
    public record Progress(Integer resourcesTotal, int resourcesEvaluated) {
    }

    /** Findings the scan detected, and how the stored findings changed because of it. */
    public record Counts(int detected, int created, int updated, int closed, int verified, int reopened) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);
    }

    /**
     * One detector's verdicts in a scan (or, for the coverage route, over what the caller may see): findings detected,
     * resources it could not judge for missing data, and resources a waiver rule exempted.
     */
    public record DetectorCounts(String detector, int findings, int insufficientData, int waived) {
    }

    public boolean open() {
        return status.equals("queued") || status.equals("running");
    }
}
