/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.TreeMap;

/**
 * A charge group while Spark forms it: the rule inputs (sorted, as the service keys them), the UTC charge day, the
 * billing currency, and the exact sum of effective cost and the row count so far. Sums are BigDecimal additions, so
 * the order in which partitions meet cannot change a cent.
 */
record GroupSums(TreeMap<String, Object> inputs, String day, String currency, BigDecimal effectiveCost, long rows) implements Serializable {

    GroupSums plus(GroupSums other) {
        return new GroupSums(inputs, day, currency, effectiveCost.add(other.effectiveCost), rows + other.rows);
    }
}
