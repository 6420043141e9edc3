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

/**
 * A day's eligible on-demand-equivalent cost not already covered by a commitment. {@code hourly} holds the 24 hourly
 * values when the ledger keeps hours; null for a daily ledger, whose day is treated as 24 equal hours (which hides
 * intra-day dips: confidence is capped and the savings band is the bootstrap's, see {@link Recommender}).
 */
public record UsageDay(LocalDate day, BigDecimal ode, BigDecimal[] hourly) {

    public UsageDay(LocalDate day, BigDecimal ode) {
        this(day, ode, null);
    }
}
