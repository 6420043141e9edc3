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
package dev.outlay.reconciliation;

import java.math.BigDecimal;
import java.util.List;

/**
 * One check's outcome in one currency: totals of both sides, the difference (observed minus reference), the
 * difference in percent of the reference ({@code null} when the reference total is zero and the difference is not:
 * a percentage of nothing is undefined), the allowance that applied, whether it was breached, and the services
 * ranked by their contribution.
 */
public record ComparisonResult(String currency, BigDecimal referenceTotal, BigDecimal observedTotal,
                               BigDecimal difference, BigDecimal differencePercent, BigDecimal allowance,
                               boolean breach, List<ImpactedService> impactedServices, Confidence confidence) {
    public ComparisonResult {
        impactedServices = List.copyOf(impactedServices);
    }
}
