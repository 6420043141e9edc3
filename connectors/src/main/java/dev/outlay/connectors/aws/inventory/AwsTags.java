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

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Tag lists of the three SDKs (each has its own Tag class) to a key → value map. */
final class AwsTags {

    private AwsTags() {
    }

    static <T> Map<String, String> of(Collection<T> tags, Function<T, String> key, Function<T, String> value) {
        Map<String, String> m = new TreeMap<>();
        if (tags == null) return m;
        for (T t : tags) {
            String k = key.apply(t);
            // AWS allows an empty value, never a missing key; aws:* system tags are kept (aws:cloudformation:stack-name
            // is how owners are often found).
            if (k != null) m.put(k, value.apply(t) == null ? "" : value.apply(t));
        }
        return m;
    }
}
