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

import java.util.List;

/** Anomalies sorted by (series, date); new-spend signals sorted by series. */
public record DetectionResult(List<Anomaly> anomalies, List<NewSpend> newSpend) {

    public DetectionResult {
        anomalies = List.copyOf(anomalies);
        newSpend = List.copyOf(newSpend);
    }
}
