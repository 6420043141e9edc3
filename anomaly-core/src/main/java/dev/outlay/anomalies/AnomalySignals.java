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
package dev.outlay.anomalies;

import java.math.BigDecimal;

/**
 * Evidence for classification, each a comparison of the anomalous day with its trailing history. Nullable
 * fields mean the ledger did not provide the underlying signal.
 *
 * @param newResourceCount         resource ids today minus the trailing median (null if unknown)
 * @param newSkuCount              SKUs new today (null if unknown)
 * @param newRegionCount           regions new today (null if unknown)
 * @param commitmentCoverageChange coverage today minus trailing median, e.g. −0.60 on expiry (null if unknown)
 * @param creditChange             credits today minus their trailing median (positive = fewer credits)
 * @param creditEnded              credits were running and are (almost) gone today
 * @param purchases                one-time purchase amount of the day
 * @param dataComplete             the day's completeness flag
 * @param historyDays              days since the series' first point
 */
public record AnomalySignals(Integer newResourceCount, Integer newSkuCount, Integer newRegionCount,
                            BigDecimal commitmentCoverageChange, BigDecimal creditChange, boolean creditEnded,
                            BigDecimal purchases, boolean dataComplete, int historyDays) {
}
