/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outlay.money.Conversion;
import dev.outlay.money.MinorUnits;
import dev.outlay.money.ReportCsv;
import dev.outlay.money.ReportingCurrency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Showback/chargeback statements: lines regrouped by the owner dimensions asked for and by currency (a statement
 * never adds two currencies); the unallocated row of each currency stays apart. Totals are per currency; a
 * converted total exists only when a reporting currency is asked for.
 */
public final class Statements {

    public static final List<String> DIMENSIONS = List.of("team", "product", "environment", "costCenter");

    private Statements() {
    }

    /** One statement row: the owner dimensions asked for (serialised flat beside the amounts) in one currency. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(@JsonIgnore Map<String, String> dimensions, String currency, BigDecimal directCost, BigDecimal sharedCost,
                      BigDecimal totalCost, Conversion converted) {

        @JsonAnyGetter
        public Map<String, String> owner() {
            return dimensions;
        }

        public String dimension(String name) {
            return dimensions.get(name);
        }

        Row converted(Conversion c) {
            return new Row(dimensions, currency, directCost, sharedCost, totalCost, c);
        }
    }

    public record Total(String currency, BigDecimal directCost, BigDecimal sharedCost, BigDecimal totalCost) {
    }

    public static List<Row> totals(List<AllocationOutcome.Line> lines, List<String> groupBy) {
        for (String d : groupBy) if (!DIMENSIONS.contains(d)) throw new IllegalArgumentException(d);
        TreeMap<String, BigDecimal[]> sums = new TreeMap<>();
        TreeMap<String, List<String>> keys = new TreeMap<>();
        TreeMap<String, BigDecimal[]> unallocated = new TreeMap<>();
        for (AllocationOutcome.Line l : lines) {
            if (l.owner().equals(Owner.UNALLOCATED)) {
                add(unallocated.computeIfAbsent(l.currency(), x -> zeros()), l);
                continue;
            }
            List<String> key = new ArrayList<>();
            for (String d : groupBy) key.add(value(l.owner(), d));
            String k = l.currency() + "\u0000" + String.join("\u0000", key);
            keys.put(k, key);
            add(sums.computeIfAbsent(k, x -> zeros()), l);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, BigDecimal[]> e : sums.entrySet()) {
            rows.add(row(groupBy, keys.get(e.getKey()), e.getKey().substring(0, e.getKey().indexOf('\u0000')), e.getValue()));
        }
        for (Map.Entry<String, BigDecimal[]> u : unallocated.entrySet()) {
            List<String> key = new ArrayList<>();
            for (int i = 0; i < groupBy.size(); i++) key.add(i == 0 ? "unallocated" : Owner.NONE);
            rows.add(row(groupBy, key, u.getKey(), u.getValue()));
        }
        return rows;
    }

    /** Per-currency totals of the lines, each currency on its own. */
    public static List<Total> currencyTotals(List<AllocationOutcome.Line> lines) {
        TreeMap<String, BigDecimal[]> sums = new TreeMap<>();
        for (AllocationOutcome.Line l : lines) add(sums.computeIfAbsent(l.currency(), x -> zeros()), l);
        List<Total> out = new ArrayList<>();
        sums.forEach((c, s) -> out.add(new Total(c, s[0], s[1], s[2])));
        return out;
    }

    /** The rows with their total cost converted at {@code rateDate}; {@code reporting} collects the converted total. */
    public static List<Row> convert(List<Row> rows, ReportingCurrency reporting, LocalDate rateDate) {
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) out.add(r.converted(reporting.add(r.totalCost(), r.currency(), rateDate)));
        return out;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static void add(BigDecimal[] acc, AllocationOutcome.Line l) {
        acc[0] = acc[0].add(l.direct());
        acc[1] = acc[1].add(l.shared());
        acc[2] = acc[2].add(l.total());
    }

    private static Row row(List<String> groupBy, List<String> key, String currency, BigDecimal[] s) {
        Map<String, String> dims = new LinkedHashMap<>();
        for (int i = 0; i < groupBy.size(); i++) dims.put(groupBy.get(i), key.get(i));
        return new Row(dims, currency, s[0], s[1], s[2], null);
    }

    static String value(Owner o, String dimension) {
        return switch (dimension) {
            case "team" -> o.team();
            case "product" -> o.product();
            case "environment" -> o.environment();
            default -> o.costCenter();
        };
    }

    /**
     * The statement as CSV for people: amounts rounded to their currency's minor unit ({@link MinorUnits},
     * HALF_EVEN), one total line per currency rounded from the exact sums, and the converted columns and total when
     * a reporting currency was asked for. The JSON answer keeps every digit.
     */
    public static String csv(List<Row> rows, List<Total> totals, ReportingCurrency.Total reporting, List<String> groupBy) {
        boolean converted = reporting != null;
        StringBuilder sb = new StringBuilder("row,").append(String.join(",", groupBy)).append(",currency,direct_cost,shared_cost,total_cost");
        if (converted) sb.append(",converted_currency,converted_total_cost,fx_rate,fx_rate_date,fx_rate_version");
        sb.append("\r\n");
        for (Row r : rows) {
            sb.append("line,");
            for (String d : groupBy) sb.append(ReportCsv.text(String.valueOf(r.dimension(d)))).append(',');
            sb.append(r.currency()).append(',').append(MinorUnits.cell(r.directCost(), r.currency())).append(',')
                    .append(MinorUnits.cell(r.sharedCost(), r.currency())).append(',')
                    .append(MinorUnits.cell(r.totalCost(), r.currency()));
            if (converted) sb.append(ReportCsv.conversion(r.converted(), r.totalCost(), r.currency()));
            sb.append("\r\n");
        }
        for (Total t : totals) {
            sb.append("total,").append(",".repeat(groupBy.size())).append(t.currency()).append(',')
                    .append(MinorUnits.cell(t.directCost(), t.currency())).append(',')
                    .append(MinorUnits.cell(t.sharedCost(), t.currency())).append(',')
                    .append(MinorUnits.cell(t.totalCost(), t.currency()));
            if (converted) sb.append(",,,,,");
            sb.append("\r\n");
        }
        if (converted) {
            sb.append("converted_total,").append(",".repeat(groupBy.size())).append(",,,,").append(reporting.currency()).append(',')
                    .append(MinorUnits.cell(reporting.amount(), reporting.currency())).append(",,,").append(reporting.rateVersion()).append("\r\n");
        }
        return sb.toString();
    }
}
