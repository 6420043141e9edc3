/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Field-by-field difference of two output trees; nested contexts become dotted paths ({@code allocation.team}). */
public final class OutputDiff {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(String path, Object before, Object after) {
    }

    private OutputDiff() {
    }

    public static List<Change> between(Map<String, Object> before, Map<String, Object> after) {
        List<Change> out = new ArrayList<>();
        walk("", before, after, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void walk(String prefix, Object a, Object b, List<Change> out) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            TreeSet<String> keys = new TreeSet<>();
            ma.keySet().forEach(k -> keys.add(String.valueOf(k)));
            mb.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String k : keys) {
                walk(prefix.isEmpty() ? k : prefix + "." + k, ((Map<String, Object>) ma).get(k), ((Map<String, Object>) mb).get(k), out);
            }
            return;
        }
        if (!same(a, b)) out.add(new Change(prefix, a, b));
    }

    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y) == 0;
        return Objects.equals(a, b);
    }
}
