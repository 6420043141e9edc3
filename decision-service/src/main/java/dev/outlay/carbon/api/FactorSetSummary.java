/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A factor set's identity and provenance. {@code version} is the SHA-256 of its canonical JSON; {@code bundled} marks
 * the set shipped with the service; {@code isDefault} the one a report uses when no {@code factorSet} is asked for.
 */
public record FactorSetSummary(String version, String name, String source, LocalDate publishedOn, LocalDate retrievedOn, String note,
                               boolean bundled, boolean isDefault, String createdBy, Instant createdAt) {
}
