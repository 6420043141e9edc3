/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One stored daily aggregate. {@code coveredSeconds} below 86 400 is a gap (0 = no sample that day): such a day
 * is missing data, not a quiet day.
 */
public record MetricDayView(String resourceId, String metric, LocalDate day, BigDecimal average, BigDecimal maximum,
                            BigDecimal total, int coveredSeconds, UUID importId) {
}
