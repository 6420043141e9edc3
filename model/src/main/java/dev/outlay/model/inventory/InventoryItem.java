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
package dev.outlay.model.inventory;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One resource as a source last saw it.
 *
 * @param provider     e.g. {@code aws}, {@code azure}, {@code gcp}, {@code kubernetes}, {@code private}
 * @param accountId    the provider account / subscription / project the resource bills to
 * @param region       region, or null for global resources
 * @param zone         availability zone, or null
 * @param resourceId   the id the ledger's {@code resource_id} carries for it (CUR line_item_resource_id, Azure ResourceId)
 * @param kind         what it is
 * @param state        the source's lifecycle state in lower case: running, stopped, available (volume not attached),
 *                     in-use, associated, unassociated, active, completed...
 * @param size         instance type, volume type or SKU (m5.xlarge, gp2, Standard_D4s_v5), or null
 * @param attachedTo   the resource this one is attached to or associated with (volume → instance, EIP → ENI/instance,
 *                     snapshot → source volume), or null when it is attached to nothing
 * @param createdAt    when the resource was created, or null when the source does not say
 * @param stateSince   when it entered {@code state}, or null when the source does not say
 * @param tags         the resource's tags as the source spells them
 * @param attributes   other source facts findings use (multiAz=true, volumeSizeGiB=100, engine=postgres...), text values
 * @param observedAt   when the source was read
 */
public record InventoryItem(String provider, String accountId, String region, String zone, String resourceId,
                            ResourceKind kind, String state, String size, String attachedTo, Instant createdAt,
                            Instant stateSince, Map<String, String> tags, Map<String, String> attributes,
                            Instant observedAt) {

    public InventoryItem {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(observedAt, "observedAt");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
