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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the verdicts of a DRL decision from its outputs ({@code findings}: a list of maps). */
public final class Verdicts {

    public static final String OUTPUT = "findings";

    private Verdicts() {
    }

    /** Sorted by detector; an outputs map without {@code findings} (nothing matched) gives an empty list. */
    public static List<Verdict> from(Map<String, Object> outputs) {
        if (outputs == null) return List.of();
        Object raw = outputs.get(OUTPUT);
        if (raw == null) return List.of();
        if (!(raw instanceof List<?> list)) throw new IllegalArgumentException("outputs.findings is not a list");
        List<Verdict> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("outputs.findings[" + i + "] is not an object");
            }
            try {
                out.add(verdict(m));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("outputs.findings[" + i + "]: " + e.getMessage(), e);
            }
        }
        out.sort(Comparator.comparing(Verdict::detector));
        return List.copyOf(out);
    }

    private static Verdict verdict(Map<?, ?> m) {
        String tier = text(m, "tier");
        return new Verdict(text(m, "detector"), text(m, "outcome"), text(m, "action"), text(m, "probableCause"),
                text(m, "requiredAction"), text(m, "risk"), decimal(m.get("confidence")),
                EvidenceTier.valueOf(tier == null ? "" : tier.toUpperCase(Locale.ROOT)),
                Boolean.TRUE.equals(m.get("billingIsState")) || "true".equals(String.valueOf(m.get("billingIsState"))),
                blankToNull(text(m, "waiverReason")));
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static BigDecimal decimal(Object v) {
        if (v == null) throw new IllegalArgumentException("confidence is required");
        if (v instanceof BigDecimal b) return b;
        return new BigDecimal(v.toString());
    }
}
