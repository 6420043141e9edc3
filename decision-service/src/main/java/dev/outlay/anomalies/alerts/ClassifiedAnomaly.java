/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.alerts;

import dev.outlay.anomalies.Anomaly;

/**
 * An anomaly with what the classification rule set and the allocation said about it. {@code severity} is null when
 * the rule version names none we know; {@code owner} is null when no allocation result names an owner.
 */
public record ClassifiedAnomaly(Anomaly anomaly, String cause, Severity severity, String routing, String owner) {
}
