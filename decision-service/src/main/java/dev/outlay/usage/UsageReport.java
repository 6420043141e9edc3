/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.usage;

import dev.outlay.plans.Plan;

import java.util.List;

/**
 * Usage of a window. Per metric: the sum of the window's quantities and its event count; for a level metric its
 * value at {@code to} from the events, and {@code current}, counted from what exists now (connections, users), which
 * is what a limit is checked against; {@code allowed} is the plan's limit (null = not limited).
 */
public record UsageReport(String tenantId, String from, String to, Plan plan, List<MetricUsage> metrics, List<UsageEvent> events) {

    public record MetricUsage(String metric, long inWindow, long events, Long levelAtTo, Long current, Integer allowed) {
    }
}
