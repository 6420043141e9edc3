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
import java.util.Objects;

/**
 * Monthly savings of acting on a finding, in the charge's currency: low after commitment discounts (what the
 * tenant actually stops paying if discounts move elsewhere), expected at the run-rate effective cost, high at list
 * cost. One currency per range; ranges of different currencies are never added.
 */
public record SavingsRange(BigDecimal low, BigDecimal expected, BigDecimal high, String currency) {

    /** Average month length used to scale a daily run rate: 365.25 / 12 days. */
    public static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.4375");

    public SavingsRange {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(high, "high");
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, got " + currency);
        }
        if (low.signum() < 0 || low.compareTo(expected) > 0 || expected.compareTo(high) > 0) {
            throw new IllegalArgumentException("savings must satisfy 0 <= low <= expected <= high, got "
                    + low + " / " + expected + " / " + high);
        }
    }

    /**
     * From the window's costs of the resource: effective and list totals over {@code days} billed days, and the
     * share of the effective cost that commitments cover (0–1). Covered cost is not saved by removing the
     * resource when the commitment keeps being paid, so low excludes it.
     */
    public static SavingsRange fromWindow(BigDecimal effectiveCost, BigDecimal listCost, BigDecimal committedShare,
                                          int days, String currency) {
        if (days <= 0) throw new IllegalArgumentException("days must be positive");
        if (committedShare.signum() < 0 || committedShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("committedShare must be within 0..1, got " + committedShare);
        }
        BigDecimal d = BigDecimal.valueOf(days);
        BigDecimal expected = monthly(effectiveCost, d);
        BigDecimal high = monthly(listCost.max(effectiveCost), d);
        BigDecimal low = monthly(effectiveCost.multiply(BigDecimal.ONE.subtract(committedShare)), d);
        return new SavingsRange(low, expected, high, currency);
    }

    private static BigDecimal monthly(BigDecimal windowTotal, BigDecimal days) {
        return windowTotal.multiply(DAYS_PER_MONTH).divide(days, 2, RoundingMode.HALF_EVEN);
    }
}
