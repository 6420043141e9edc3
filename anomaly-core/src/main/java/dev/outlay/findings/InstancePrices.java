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
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The on-demand price list the previous-generation savings are computed from: the {@code instancePrices} decision of
 * the finding-profiles DMN (AWS us-east-1, Linux, shared tenancy, USD per hour; the source and date are in the DMN).
 * It travels with the profile, so a finding's profile version names the price list that priced it.
 */
public final class InstancePrices {

    /** Output key of the finding-profiles DMN whose list holds the prices. */
    public static final String OUTPUT = "instancePrices";
    public static final String BASIS = "AWS on-demand, us-east-1, Linux, USD/h (finding-profiles instancePrices)";

    /** One row: an instance type, the same size of its current-generation successor ("" = none) and its rate. */
    public record Price(String instanceType, String successor, BigDecimal hourlyUsd) {
    }

    /**
     * Moving one type to its successor: {@code savedShare = 1 − to/from} (6 decimals), or null with {@code reason}
     * when the table cannot price the move.
     */
    public record Move(String from, String to, BigDecimal fromHourly, BigDecimal toHourly, BigDecimal savedShare,
                       String reason) {

        public boolean priced() {
            return savedShare != null;
        }

        /** What the evidence says about the savings figure. */
        public String basis() {
            if (!priced()) return "no savings figure: " + reason;
            return from + " " + fromHourly.stripTrailingZeros().toPlainString() + " -> " + to + " "
                    + toHourly.stripTrailingZeros().toPlainString() + " ("
                    + BASIS + "): saves " + savedShare.stripTrailingZeros().toPlainString()
                    + " of the billed cost, same ratio applied to the resource's own region and currency";
        }
    }

    private static final InstancePrices EMPTY = new InstancePrices(Map.of());

    private final Map<String, Price> byType;

    private InstancePrices(Map<String, Price> byType) {
        this.byType = byType;
    }

    public static InstancePrices empty() {
        return EMPTY;
    }

    /** From the DMN output: a list of {instanceType, successor, hourlyUsd}; null (an older profile version) = empty. */
    public static InstancePrices fromOutput(Object output) {
        if (output == null) return EMPTY;
        if (!(output instanceof Collection<?> rows)) throw new IllegalArgumentException(OUTPUT + " is not a list");
        Map<String, Price> out = new TreeMap<>();
        int i = 0;
        for (Object o : rows) {
            if (!(o instanceof Map<?, ?> m)) throw new IllegalArgumentException(OUTPUT + "[" + i + "] is not an object");
            Object type = m.get("instanceType");
            Object rate = m.get("hourlyUsd");
            if (type == null || type.toString().isBlank() || rate == null) {
                throw new IllegalArgumentException(OUTPUT + "[" + i + "] needs instanceType and hourlyUsd");
            }
            BigDecimal hourly = rate instanceof BigDecimal b ? b : new BigDecimal(rate.toString());
            if (hourly.signum() <= 0) throw new IllegalArgumentException(OUTPUT + "[" + i + "].hourlyUsd must be positive");
            String key = type.toString().strip().toLowerCase(Locale.ROOT);
            Object succ = m.get("successor");
            if (out.put(key, new Price(key, succ == null ? "" : succ.toString().strip().toLowerCase(Locale.ROOT), hourly)) != null) {
                throw new IllegalArgumentException(OUTPUT + "[" + i + "]: " + key + " is listed twice");
            }
            i++;
        }
        return new InstancePrices(Map.copyOf(out));
    }

    public Optional<Price> price(String instanceType) {
        return instanceType == null ? Optional.empty()
                : Optional.ofNullable(byType.get(instanceType.strip().toLowerCase(Locale.ROOT)));
    }

    public int size() {
        return byType.size();
    }

    /** The move of {@code instanceType} to its successor, priced per size, or the reason it cannot be priced. */
    public Move successorOf(String instanceType) {
        String type = instanceType == null ? "" : instanceType.strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty()) return new Move(type, null, null, null, null, "the inventory gives no instance type");
        Price from = byType.get(type);
        if (from == null) return new Move(type, null, null, null, null, type + " is not in the price table");
        if (from.successor().isEmpty()) {
            return new Move(type, null, from.hourlyUsd(), null, null,
                    type + " has no same-size current-generation successor in the price table");
        }
        Price to = byType.get(from.successor());
        if (to == null) {
            return new Move(type, from.successor(), from.hourlyUsd(), null, null,
                    "the successor " + from.successor() + " is not in the price table");
        }
        BigDecimal share = BigDecimal.ONE.subtract(to.hourlyUsd().divide(from.hourlyUsd(), 6, RoundingMode.HALF_EVEN));
        if (share.signum() <= 0) {
            return new Move(type, to.instanceType(), from.hourlyUsd(), to.hourlyUsd(), null,
                    "the successor " + to.instanceType() + " costs as much or more per hour");
        }
        return new Move(type, to.instanceType(), from.hourlyUsd(), to.hourlyUsd(), share, null);
    }

    /** Every row, by instance type (for tests and documentation). */
    public List<Price> rows() {
        return List.copyOf(new TreeMap<>(byType).values());
    }
}
