/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

import dev.outlay.carbon.FactorSet;

/** A factor set with its coefficients, as stored (the canonical JSON of {@code factors} hashes to {@code summary.version}). */
public record FactorSetDetail(FactorSetSummary summary, FactorSet factors) {
}
