/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.economics;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.csv.CsvParser;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Metric values as CSV: header {@code day,scopeValue,value} (a UTF-8 byte-order mark, as spreadsheet exports
 * write it, is ignored). Every bad cell is reported with its line and 1-based column; one bad row refuses the file.
 */
final class MetricValuesCsv {

    static final List<String> HEADER = List.of("day", "scopeValue", "value");

    private MetricValuesCsv() {
    }

    /** A parsed value and the line it came from. */
    record Row(int line, MetricValue value) {
    }

    /** The body as UTF-8 whatever charset the request claims (spreadsheets export UTF-8; a wrong claim must not garble it). */
    static String utf8(byte[] body) {
        return dev.outlay.api.Utf8Body.decode(body);
    }

    static List<Row> parse(String text) {
        if (text == null || text.isBlank()) throw ProblemException.unprocessable("empty CSV", List.of(Problem.Fault.atLine(1, null, "header day,scopeValue,value expected")));
        if (text.charAt(0) == '\uFEFF') text = text.substring(1);
        CsvParser p = new CsvParser(new StringReader(text), ',', "metric values");
        List<Row> out = new ArrayList<>();
        List<Problem.Fault> faults = new ArrayList<>();
        try {
            String[] header = p.next();
            if (header == null || !List.of(header).stream().map(String::trim).toList().equals(HEADER)) {
                throw ProblemException.unprocessable("bad CSV header",
                        List.of(Problem.Fault.atLine(1, null, "header must be exactly day,scopeValue,value")));
            }
            String[] r;
            while ((r = p.next()) != null) {
                int line = (int) p.recordLine();
                if (r.length != 3) {
                    faults.add(Problem.Fault.atLine(line, null, "expected 3 columns, found " + r.length));
                    continue;
                }
                LocalDate day = null;
                BigDecimal value = null;
                try {
                    day = LocalDate.parse(r[0].trim());
                } catch (DateTimeParseException e) {
                    faults.add(Problem.Fault.atLine(line, 1, "day must be an ISO date (yyyy-mm-dd)"));
                }
                try {
                    value = new BigDecimal(r[2].trim());
                    if (value.signum() < 0) {
                        faults.add(Problem.Fault.atLine(line, 3, "value must be >= 0"));
                    }
                } catch (NumberFormatException e) {
                    faults.add(Problem.Fault.atLine(line, 3, "value must be a decimal number"));
                }
                if (day != null && value != null) out.add(new Row(line, new MetricValue(day, r[1].trim(), value)));
            }
        } catch (SourceFormatException | IOException e) {
            faults.add(Problem.Fault.atLine((int) p.recordLine(), null, "malformed CSV: " + e.getMessage()));
        }
        if (!faults.isEmpty()) throw ProblemException.unprocessable("metric values refused; nothing was stored", faults);
        return out;
    }
}
