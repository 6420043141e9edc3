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
package dev.outlay.connectors.aws.inventory;

import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.MetricSample;

import java.time.Instant;
import java.util.List;

/**
 * A complete read of one account: every item and sample, sorted (items by region, kind, id; samples by resource,
 * metric, period) so the same account state gives the same lists.
 *
 * @param windowStart first utilization period start (inclusive)
 * @param windowEnd   end of the last period (exclusive): the last whole hour before {@code observedAt}
 */
public record AwsInventoryRead(String accountId, Instant observedAt, Instant windowStart, Instant windowEnd,
                               List<InventoryItem> items, List<MetricSample> samples, List<ServiceOutcome> outcomes) {

    public AwsInventoryRead {
        items = List.copyOf(items);
        samples = List.copyOf(samples);
        outcomes = List.copyOf(outcomes);
    }
}
