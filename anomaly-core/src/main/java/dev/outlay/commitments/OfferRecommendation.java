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
package dev.outlay.commitments;

import java.math.BigDecimal;

/**
 * One offer at its optimal level. {@code hourlyCommitment} is what the provider calls the commitment ($/h at the
 * commitment rate) = (1 − d) × {@code coveredOdePerHour}. Monthly figures are per 730 hours. {@code breakEvenMonths}:
 * months until cumulative savings repay the upfront payment (0 without upfront when the covered usage is worth more
 * than the recurring fee; null when it never does). {@code best}: the lowest expected cost of its term.
 */
public record OfferRecommendation(String plan, int termYears, PaymentOption payment, BigDecimal discount, BigDecimal coveredOdePerHour,
                                  BigDecimal hourlyCommitment, BigDecimal upfront, BigDecimal monthlyRecurring, BigDecimal totalCommitment,
                                  BigDecimal expectedMonthlyCost, BigDecimal monthlySavingsP10, BigDecimal monthlySavingsP50,
                                  BigDecimal monthlySavingsP90, BigDecimal expectedMonthlySavings, BigDecimal utilization,
                                  BigDecimal coverage, BigDecimal breakEvenMonths, boolean best) {
}
