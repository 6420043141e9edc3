/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.usage;

/** RFC 9457 problem with the limit's extension members: which limit, the current count and what the plan allows. */
public record PlanLimitProblem(String type, String title, int status, String detail, String instance, String requestId, String limit,
                               String plan, long current, long allowed) {
}
