/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import java.time.Instant;

/** A tenant's rule set: its kind, whether it ships with Outlay, and the active version (null when none). */
public record RuleSetInfo(String name, RuleKind kind, boolean bundled, String activeHash, int versions, Instant createdAt) {
}
