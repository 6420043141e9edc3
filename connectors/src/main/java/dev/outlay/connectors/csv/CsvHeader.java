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
package dev.outlay.connectors.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The header row: column names as written, and a case-insensitive lookup of their positions. */
public final class CsvHeader {

    private final List<String> names;
    private final Map<String, Integer> byLowerName = new HashMap<>();

    public CsvHeader(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            byLowerName.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    /** Position of a column, ignoring case and surrounding blanks; -1 when absent. */
    public int indexOf(String name) {
        return byLowerName.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
    }

    public String name(int index) {
        return names.get(index);
    }
}
