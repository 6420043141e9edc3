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
package dev.outlay.connectors.aws;

import dev.outlay.connectors.csv.CsvHeader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves CUR columns in either dialect by their CUR 2.0 name. Legacy CUR writes {@code lineItem/UnblendedCost};
 * CUR 2.0 writes {@code line_item_unblended_cost}. AWS derived the new names by putting an underscore before
 * every capital letter ({@code reservation/ReservationARN} → {@code reservation_reservation_a_r_n}), which
 * {@link #snake} reproduces, so one mapper serves both.
 */
final class CurColumns {

    static final String LEGACY_TAG_PREFIX = "resourcetags/";
    /** Legacy CUR delivered as Parquet (the Athena integration) flattens each tag into its own snake column. */
    static final String FLAT_TAG_PREFIX = "resource_tags_";

    private final Map<String, Integer> bySnake = new HashMap<>();
    private final List<int[]> legacyTagColumns = new ArrayList<>();
    private final List<String> legacyTagKeys = new ArrayList<>();
    final boolean legacy;
    /** Snake-case columns with one column per tag: legacy CUR as Parquet, not CUR 2.0 (which has a resource_tags map). */
    final boolean athena;

    CurColumns(CsvHeader header) {
        boolean anySlash = false;
        for (int i = 0; i < header.size(); i++) {
            String name = header.name(i).trim();
            if (name.indexOf('/') >= 0) {
                anySlash = true;
                if (name.toLowerCase(Locale.ROOT).startsWith(LEGACY_TAG_PREFIX)) {
                    legacyTagColumns.add(new int[]{i});
                    legacyTagKeys.add(name.substring(LEGACY_TAG_PREFIX.length()));
                    continue;
                }
            }
            bySnake.putIfAbsent(snake(name), i);
        }
        legacy = anySlash;
        boolean flatTags = false;
        if (!anySlash && !bySnake.containsKey("resource_tags")) {
            for (int i = 0; i < header.size(); i++) {
                String name = header.name(i).trim().toLowerCase(Locale.ROOT);
                if (name.startsWith(FLAT_TAG_PREFIX) && name.length() > FLAT_TAG_PREFIX.length()) {
                    legacyTagColumns.add(new int[]{i});
                    legacyTagKeys.add(header.name(i).trim().substring(FLAT_TAG_PREFIX.length()));
                    flatTags = true;
                }
            }
        }
        athena = flatTags;
    }

    int index(String snakeName) {
        return bySnake.getOrDefault(snakeName, -1);
    }

    int legacyTagCount() {
        return legacyTagKeys.size();
    }

    int legacyTagColumn(int n) {
        return legacyTagColumns.get(n)[0];
    }

    String legacyTagKey(int n) {
        return legacyTagKeys.get(n);
    }

    /** {@code lineItem/UnblendedCost} → {@code line_item_unblended_cost}; snake names pass through lowercased. */
    static String snake(String name) {
        int slash = name.indexOf('/');
        if (slash < 0) return name.toLowerCase(Locale.ROOT);
        return camel(name.substring(0, slash)) + "_" + camel(name.substring(slash + 1));
    }

    private static String camel(String part) {
        StringBuilder sb = new StringBuilder(part.length() + 8);
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) sb.append('_');
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
