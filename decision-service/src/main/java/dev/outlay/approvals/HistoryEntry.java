/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import java.time.Instant;

/** One step in a spend request's life: who did what, when (created, evaluated, escalated, claimed, approved...). */
public record HistoryEntry(Instant at, String actor, String kind, String detail) {
}
