/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated cost query: [from, to) in UTC days, the dimensions to group by and the cost metric. Dimension
 * names map to fixed column expressions (never user text in SQL); {@code tag:<key>} binds the key as a parameter.
 */
public record CostQuery(LocalDate from, LocalDate to, List<String> groupBy, String metric, String reportingCurrency) {

    static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();
    static final Map<String, String> METRICS = Map.of("effectiveCost", "effective_cost", "billedCost", "billed_cost", "listCost", "list_cost");

    static {
        DIMENSIONS.put("provider", "provider_name");
        DIMENSIONS.put("billingAccount", "billing_account_id");
        DIMENSIONS.put("subAccount", "sub_account_id");
        DIMENSIONS.put("service", "service_name");
        DIMENSIONS.put("serviceCategory", "service_category");
        DIMENSIONS.put("region", "region_id");
        DIMENSIONS.put("chargeCategory", "charge_category");
        DIMENSIONS.put("source", "source");
        DIMENSIONS.put("day", "day");
        DIMENSIONS.put("month", "billing_period");
    }

    /** Owner dimensions, read from the allocation run in force per billing period (see {@link OwnerCosts}). */
    static final Map<String, String> OWNER_DIMENSIONS = new LinkedHashMap<>();

    static {
        OWNER_DIMENSIONS.put("team", "team");
        OWNER_DIMENSIONS.put("product", "product");
        OWNER_DIMENSIONS.put("environment", "environment");
        OWNER_DIMENSIONS.put("costCentre", "cost_center");
    }

    public static final int MAX_DAYS = 732;

    /** Every groupBy dimension a query takes (ledger columns, then the allocation's owner dimensions), tags aside. */
    public static List<String> dimensions() {
        List<String> all = new ArrayList<>(DIMENSIONS.keySet());
        all.addAll(OWNER_DIMENSIONS.keySet());
        return List.copyOf(all);
    }

    public static CostQuery parse(String from, String to, String groupBy, String metric) {
        return parse(from, to, groupBy, metric, null);
    }

    /** {@code reportingCurrency}: an ISO 4217 code to convert the total into, or null for per-currency totals only. */
    public static CostQuery parse(String from, String to, String groupBy, String metric, String reportingCurrency) {
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (!t.isAfter(f)) throw ProblemException.badRequest("to must be after from", Problem.Fault.at("to", "exclusive end, after from"));
        if (f.plusDays(MAX_DAYS).isBefore(t)) throw ProblemException.badRequest("window too large", Problem.Fault.at("to", "at most " + MAX_DAYS + " days"));
        List<String> dims = new ArrayList<>();
        if (groupBy != null && !groupBy.isBlank()) {
            for (String d : groupBy.split(",")) {
                String dim = d.trim();
                if (dim.isEmpty()) continue;
                boolean tag = dim.startsWith("tag:") && dim.length() > 4;
                if (!tag && !DIMENSIONS.containsKey(dim) && !OWNER_DIMENSIONS.containsKey(dim)) {
                    throw ProblemException.badRequest("unknown groupBy dimension '" + dim + "'",
                            Problem.Fault.at("groupBy", "allowed: " + String.join(", ", DIMENSIONS.keySet()) + ", "
                                    + String.join(", ", OWNER_DIMENSIONS.keySet()) + ", tag:<key>"));
                }
                if (!dims.contains(dim)) dims.add(dim);
            }
        }
        if (dims.size() > 6) throw ProblemException.badRequest("too many groupBy dimensions", Problem.Fault.at("groupBy", "at most 6"));
        String m = metric == null || metric.isBlank() ? "effectiveCost" : metric.trim();
        if (!METRICS.containsKey(m)) {
            throw ProblemException.badRequest("unknown metric '" + m + "'", Problem.Fault.at("metric", "effectiveCost, billedCost or listCost"));
        }
        if (dims.stream().anyMatch(OWNER_DIMENSIONS::containsKey)) {
            // Owner totals exist per billing period (shared splits are computed per period), so only the month combines.
            for (String d : dims) {
                if (!OWNER_DIMENSIONS.containsKey(d) && !d.equals("month")) {
                    throw ProblemException.badRequest("owner dimensions combine with month only",
                            Problem.Fault.at("groupBy", "'" + d + "' cannot be combined with " + String.join(", ", OWNER_DIMENSIONS.keySet())));
                }
            }
            if (!m.equals("effectiveCost")) {
                throw ProblemException.badRequest("owner dimensions report the allocated effective cost",
                        Problem.Fault.at("metric", "effectiveCost when grouping by owner dimensions"));
            }
        }
        return new CostQuery(f, t, List.copyOf(dims), m, currency(reportingCurrency));
    }

    public boolean byOwner() {
        return groupBy.stream().anyMatch(OWNER_DIMENSIONS::containsKey);
    }

    public boolean needsTags() {
        return groupBy.stream().anyMatch(d -> d.startsWith("tag:"));
    }

    static String currency(String value) {
        if (value == null || value.isBlank()) return null;
        String c = value.trim();
        if (!dev.outlay.money.MinorUnits.known(c)) throw ProblemException.badRequest("unknown reportingCurrency '" + c + "'", Problem.Fault.at("reportingCurrency", "ISO 4217 code, e.g. USD"));
        return c;
    }

    /**
     * The date whose rate converts a row: the row's day, else the last day of its month, else the last day of the
     * window (never after it), so a report converts at period-end rates and is the same whenever it is asked.
     */
    public LocalDate rateDate(Map<String, String> dimensions) {
        LocalDate last = to.minusDays(1);
        String day = dimensions.get("day");
        if (day != null && !day.isBlank()) return LocalDate.parse(day.substring(0, 10));
        String month = dimensions.get("month");
        if (month != null && !month.isBlank()) {
            LocalDate end = LocalDate.parse(month.substring(0, 10)).withDayOfMonth(1).plusMonths(1).minusDays(1);
            return end.isAfter(last) ? last : end;
        }
        return last;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) throw ProblemException.badRequest(field + " is required", Problem.Fault.at(field, "YYYY-MM-DD"));
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field + " is not a date", Problem.Fault.at(field, "YYYY-MM-DD"));
        }
    }
}
