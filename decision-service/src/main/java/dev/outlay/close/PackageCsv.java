/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV for the package: RFC 4180 quoting (only where needed), {@code \n} line ends, UTF-8 without BOM, amounts in
 * the canonical decimal spelling, empty for null. Fixed column order per file.
 */
final class PackageCsv {

    private final StringBuilder out = new StringBuilder();

    PackageCsv(List<String> header) {
        row(header.toArray());
    }

    PackageCsv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) out.append(',');
            out.append(cell(cells[i]));
        }
        out.append('\n');
        return this;
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(Object v) {
        if (v == null) return "";
        String s = v instanceof BigDecimal d ? CanonicalJson.normalize(d).toPlainString() : v.toString();
        // Cells a spreadsheet would run as a formula are prefixed with a quote (CSV injection).
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof BigDecimal) && !(v instanceof Number)) s = "'" + s;
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
