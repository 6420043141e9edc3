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

/** Utilization metrics findings read, with the unit every source is converted to. */
public enum MetricName {
    CPU_UTILIZATION("cpu-utilization", "percent"),
    MEMORY_UTILIZATION("memory-utilization", "percent"),
    NETWORK_IN("network-in", "bytes"),
    NETWORK_OUT("network-out", "bytes"),
    VOLUME_READ_OPS("volume-read-ops", "count"),
    VOLUME_WRITE_OPS("volume-write-ops", "count"),
    REQUEST_COUNT("request-count", "count"),
    DB_CONNECTIONS("db-connections", "count");

    private final String wireName;
    private final String unit;

    MetricName(String wireName, String unit) {
        this.wireName = wireName;
        this.unit = unit;
    }

    public String wireName() {
        return wireName;
    }

    /** percent (0–100), bytes or count; a source in other units converts before it builds a sample. */
    public String unit() {
        return unit;
    }

    public static Optional<MetricName> fromWire(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (MetricName m : values()) {
            if (m.wireName.equals(t)) return Optional.of(m);
        }
        return Optional.empty();
    }
}
