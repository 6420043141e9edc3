/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * CDI event: an allocation run's statement is now the one in force for its billing period (fired on the worker
 * thread after the run's transaction committed, tenant bound). {@code by} requested the run.
 */
public record AllocationRunSucceeded(String tenantId, UUID runId, LocalDate billingPeriod, String by) {
}
