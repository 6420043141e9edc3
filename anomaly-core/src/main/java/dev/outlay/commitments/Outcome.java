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
 * A fixed commitment of {@code coveredPerHour} ODE dollars per hour applied to a usage series: totals over its
 * {@code hours}. {@code commitmentCost} = hours × (1 − d) × covered per hour; {@code unusedCommitment} is the part of
 * it no usage consumed; savings = ODE − commitment cost − ODE left on demand.
 */
public record Outcome(BigDecimal hours, BigDecimal ode, BigDecimal coveredOde, BigDecimal commitmentCost, BigDecimal onDemandCost,
                      BigDecimal unusedCommitment, BigDecimal savings) {
}
