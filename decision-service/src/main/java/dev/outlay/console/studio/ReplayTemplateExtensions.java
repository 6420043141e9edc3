/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Formatting for the simulate, diff, replay and process pages, under the {@code rp:} namespace so it cannot clash
 * with other pages' extensions. Qute resolves no methods of JDK types by itself (BigDecimal, String), hence these.
 */
@TemplateExtension(namespace = "rp")
public final class ReplayTemplateExtensions {

    private ReplayTemplateExtensions() {
    }

    /** Exact decimal without exponent: {@code 1E+3} is shown as 1000. */
    static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    static boolean nonZero(BigDecimal v) {
        return v != null && v.signum() != 0;
    }

    /** The first 12 characters of a version hash, as the rule-set pages show them. */
    static String hash(String h) {
        return h == null ? "" : h.length() <= 12 ? h : h.substring(0, 12);
    }

    /** A map of rule inputs as {@code key=value} pairs, leaving out empty ones. */
    static String inline(Map<String, Object> m) {
        if (m == null) return "";
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> {
            if (v == null || v.toString().isBlank()) return;
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(k).append('=').append(v);
        });
        return sb.toString();
    }
}
