/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.contracts;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Contract prices as CSV: a header naming the columns in any order (case-insensitive), required {@code vendor, sku,
 * unitPrice, currency, term, validFrom}, optional {@code pricingUnit, validTo, note}; a UTF-8 byte-order mark, as
 * spreadsheet exports write it, is ignored. Every unreadable cell is reported with its line and 1-based column, and
 * the rules of {@link ContractPriceInput} are reported by line too; one bad line refuses the file.
 */
final class ContractPriceCsv {

    static final List<String> REQUIRED = List.of("vendor", "sku", "unitprice", "currency", "term", "validfrom");
    static final List<String> OPTIONAL = List.of("pricingunit", "validto", "note");

    private ContractPriceCsv() {
    }

    static List<ContractPriceInput> parse(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.unprocessable("empty CSV", List.of(Problem.Fault.atLine(1, null, "a header with " + REQUIRED + " expected")));
        }
        if (text.charAt(0) == '\uFEFF') text = text.substring(1);
        CsvParser p = new CsvParser(new StringReader(text), ',', "contract prices");
        List<ContractPriceInput> out = new ArrayList<>();
        List<Problem.Fault> faults = new ArrayList<>();
        try {
            String[] header = p.next();
            Map<String, Integer> col = columns(header);
            String[] r;
            while ((r = p.next()) != null) {
                int line = (int) p.recordLine();
                if (r.length == 1 && r[0].isBlank()) continue;
                if (r.length != header.length) {
                    faults.add(Problem.Fault.atLine(line, null, "expected " + header.length + " columns, found " + r.length));
                    continue;
                }
                Cells c = new Cells(r, col, line, faults);
                ContractPriceInput in = new ContractPriceInput(c.text("vendor"), c.text("sku"), c.decimal("unitprice"), c.text("currency"),
                        c.text("term"), c.text("pricingunit"), c.date("validfrom"), c.date("validto"), c.text("note")).normalised();
                for (Problem.Fault f : in.faults("")) {
                    String name = f.field() == null ? null : f.field().toLowerCase(Locale.ROOT);
                    Integer at = name == null ? null : col.get(name);
                    // A cell that did not parse is reported once, by Cells; the rule's fault on its null would repeat it.
                    if (at != null && !r[at].isBlank() && c.unreadable(name)) continue;
                    faults.add(Problem.Fault.atLine(line, at == null ? null : at + 1, f.field() + ": " + f.message()));
                }
                out.add(in);
            }
        } catch (SourceFormatException | IOException e) {
            faults.add(Problem.Fault.atLine((int) p.recordLine(), null, "malformed CSV: " + e.getMessage()));
        }
        if (!faults.isEmpty()) throw ProblemException.unprocessable("contract prices refused; nothing was stored", faults);
        if (out.isEmpty()) throw ProblemException.unprocessable("no prices", List.of(Problem.Fault.atLine(2, null, "at least one price line expected")));
        return out;
    }

    private static Map<String, Integer> columns(String[] header) {
        if (header == null) throw ProblemException.unprocessable("empty CSV", List.of(Problem.Fault.atLine(1, null, "header expected")));
        Map<String, Integer> col = new HashMap<>();
        List<Problem.Fault> faults = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].strip().toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                faults.add(Problem.Fault.atLine(1, i + 1, "unknown column '" + header[i].strip() + "'"));
            } else if (col.putIfAbsent(name, i) != null) {
                faults.add(Problem.Fault.atLine(1, i + 1, "column '" + header[i].strip() + "' repeats"));
            }
        }
        for (String r : REQUIRED) {
            if (!col.containsKey(r)) faults.add(Problem.Fault.atLine(1, null, "missing column " + r));
        }
        if (!faults.isEmpty()) throw ProblemException.unprocessable("bad CSV header", faults);
        return col;
    }

    /** The cells of one line by column name, recording each unreadable one with its line and column. */
    private record Cells(String[] r, Map<String, Integer> col, int line, List<Problem.Fault> faults, List<String> bad) {

        Cells(String[] r, Map<String, Integer> col, int line, List<Problem.Fault> faults) {
            this(r, col, line, faults, new ArrayList<>());
        }

        String text(String name) {
            Integer i = col.get(name);
            return i == null || r[i].isBlank() ? null : r[i].strip();
        }

        BigDecimal decimal(String name) {
            String v = text(name);
            if (v == null) return null;
            try {
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                return unreadable(name, "not a decimal number: '" + v + "'");
            }
        }

        LocalDate date(String name) {
            String v = text(name);
            if (v == null) return null;
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                return unreadable(name, "not an ISO date (yyyy-mm-dd): '" + v + "'");
            }
        }

        boolean unreadable(String name) {
            return bad.contains(name);
        }

        private <T> T unreadable(String name, String message) {
            bad.add(name);
            faults.add(Problem.Fault.atLine(line, col.get(name) + 1, message));
            return null;
        }
    }
}
