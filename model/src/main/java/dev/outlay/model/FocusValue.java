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
package dev.outlay.model;

/** An enum constant of a fixed FOCUS vocabulary; {@link #focusValue()} is the exact string the spec allows. */
public interface FocusValue {

    String focusValue();

    /**
     * Strict parse: the exact FOCUS spelling or an exception naming the allowed values. Callers that tolerate
     * vendor quirks (case differences) use {@link #parseIgnoringCase} and flag the row themselves.
     */
    static <E extends Enum<E> & FocusValue> E parse(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.focusValue().equals(text)) return e;
        }
        throw new IllegalArgumentException("'" + text + "' is not a " + type.getSimpleName() + " (allowed: " + allowed(type) + ")");
    }

    /** Case-insensitive match, or null when the text matches no value even ignoring case. */
    static <E extends Enum<E> & FocusValue> E parseIgnoringCase(Class<E> type, String text) {
        if (text == null) return null;
        String t = text.trim();
        for (E e : type.getEnumConstants()) {
            if (e.focusValue().equalsIgnoreCase(t)) return e;
        }
        return null;
    }

    static <E extends Enum<E> & FocusValue> String allowed(Class<E> type) {
        StringBuilder sb = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(e.focusValue());
        }
        return sb.toString();
    }
}
