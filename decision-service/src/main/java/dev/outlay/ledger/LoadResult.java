/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What a load did: counts, the billing periods it replaced, the ingestions it superseded, phase timings (ms). */
public record LoadResult(String schemaVersion, long rowsRead, long rowsLoaded, long rowsFlagged, long rowsReplaced,
                         Map<String, Long> flagSummary, List<String> billingPeriods, Set<UUID> superseded,
                         Map<String, Long> timingsMs) {
}
