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
package dev.outlay.anomalies.benchmark;

import java.time.LocalDate;

/** Size and seed of a generated benchmark; the same config always yields the same series and labels. */
public record BenchmarkConfig(long seed, int seriesPerKind, int controlSeries, int days, LocalDate start) {

    /** The README table: 200 series per kind, 1,000 control series, one year from 2025-01-01. */
    public static BenchmarkConfig standard() {
        return new BenchmarkConfig(20250101L, 200, 1000, 365, LocalDate.of(2025, 1, 1));
    }
}
