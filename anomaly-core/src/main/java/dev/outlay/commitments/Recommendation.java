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
import java.time.LocalDate;
import java.util.List;

/**
 * Recommendations for one usage pool from [{@code basisFrom}, {@code basisTo}] (the days the levels were fitted on).
 * {@code status} is {@code RECOMMENDED}, {@code NO_SAVINGS} (no level saves money) or {@code INSUFFICIENT_DATA}
 * (fewer than the minimum days). {@code currentMonthlyOde}: the basis' ODE per 730 hours.
 */
public record Recommendation(String status, String engineVersion, LocalDate basisFrom, LocalDate basisTo, int basisDays,
                             BigDecimal currentMonthlyOde, List<Guard> guards, Confidence confidence, List<OfferRecommendation> offers) {
}
