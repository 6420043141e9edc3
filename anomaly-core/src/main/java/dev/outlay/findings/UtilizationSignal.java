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
import java.time.LocalDate;

/**
 * What a compute resource's metrics say over a window, for the rule sets to judge. Numbers only; "idle" is a
 * rule's decision.
 *
 * @param windowDays       days in the window
 * @param completeDays     days with complete CPU and network coverage
 * @param lowDays          complete days whose average CPU and network total were both at or below the thresholds
 * @param maxCpu           highest CPU maximum over complete days, null when none
 * @param avgCpu           mean of the complete days' CPU averages, null when none
 * @param avgNetworkBytes  mean daily network in+out over complete days, null when none
 * @param insufficientData fewer complete days than the caller's minimum: the outcome is {@code insufficient-data}
 */
public record UtilizationSignal(String resourceId, LocalDate from, LocalDate to, int windowDays, int completeDays,
                                int lowDays, BigDecimal maxCpu, BigDecimal avgCpu, BigDecimal avgNetworkBytes,
                                boolean insufficientData) {
}
