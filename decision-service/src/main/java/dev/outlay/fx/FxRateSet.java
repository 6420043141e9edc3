/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.fx;

import dev.outlay.money.FxRate;

import java.time.Instant;
import java.util.List;

/** A stored rate set: immutable, named by the hash of its content; {@code active} when it is the tenant's current one. */
public record FxRateSet(String versionHash, String note, String createdBy, Instant createdAt, boolean active, List<FxRate> rates) {
}
