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

import java.util.Locale;
import java.util.Optional;

/**
 * The resource kinds findings reason about. A source names them in its own words (EC2 instance, Azure VM, GCE
 * instance); mappers translate to these. An import naming anything else is refused, not guessed.
 */
public enum ResourceKind {
    COMPUTE_INSTANCE("compute-instance"),
    BLOCK_VOLUME("block-volume"),
    VOLUME_SNAPSHOT("volume-snapshot"),
    PUBLIC_IP("public-ip"),
    LOAD_BALANCER("load-balancer"),
    NAT_GATEWAY("nat-gateway"),
    DATABASE_INSTANCE("database-instance"),
    KUBERNETES_WORKLOAD("kubernetes-workload"),
    /** A SaaS subscription or licence pool (seats purchased and active, docs/inventory-import.md). */
    SAAS_SUBSCRIPTION("saas-subscription");

    private final String wireName;

    ResourceKind(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-kebab name used in import files and the API. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ResourceKind> fromWire(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (ResourceKind k : values()) {
            if (k.wireName.equals(t)) return Optional.of(k);
        }
        return Optional.empty();
    }
}
