/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.findings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * A resource's billing over a window in one currency (a resource billed in two currencies has two of these; they
 * are never added).
 *
 * @param committedEffective effective cost of rows a commitment covers
 * @param billedDays         distinct days with at least one row
 */
public record ResourceCost(String resourceId, String currency, BigDecimal effective, BigDecimal list,
                           BigDecimal committedEffective, BigDecimal hours, int billedDays, Set<String> usageTypes) {

    /** Share of the effective cost commitments cover, 0–1 (0 when nothing was billed). */
    public BigDecimal committedShare() {
        if (effective.signum() <= 0) return BigDecimal.ZERO;
        BigDecimal share = committedEffective.divide(effective, 6, RoundingMode.HALF_EVEN);
        return share.min(BigDecimal.ONE).max(BigDecimal.ZERO);
    }

    /** Monthly savings of removing the resource entirely, from this window's run rate. */
    public SavingsRange savingsIfRemoved(int windowDays) {
        return SavingsRange.fromWindow(effective.max(BigDecimal.ZERO), list.max(BigDecimal.ZERO), committedShare(),
                windowDays, currency);
    }
}
