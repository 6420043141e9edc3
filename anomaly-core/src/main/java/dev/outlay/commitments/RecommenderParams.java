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

/**
 * @param lookbackDays  days of history the basis is drawn from (AWS and Azure offer 7/30/60)
 * @param minDays       fewer days than this give INSUFFICIENT_DATA
 * @param recentDays    the recent window of the decline guard
 * @param spikeDays     the recent window of the spike guard
 * @param spikePercent  the spike guard fires at recent mean ≥ (100 + this) % of the earlier mean
 * @param resamples     bootstrap draws for the savings percentiles
 * @param seed          the bootstrap's seed: same inputs, same seed, same percentiles
 */
public record RecommenderParams(int lookbackDays, int minDays, int recentDays, int spikeDays, int spikePercent, int resamples, long seed) {

    public static RecommenderParams defaults() {
        return new RecommenderParams(60, 14, 7, 14, 20, 400, 20261203L);
    }
}
