/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a provider's stored carbon export with Outlay's estimate of the same provider's ledger rows, month by month
 * and service by service. Outlay's side is the carbon report (grouped by provider and service) under the asked or
 * default factor set; the band [0.5, 2.0] is the notes' reconciliation rule: estimates by different methods (CCF
 * coefficients vs the provider's metered model, location- vs market-based) are expected to differ, a factor of two
 * means one side is missing usage or uses another scope.
 */
@ApplicationScoped
public class CarbonDivergence {

    static final BigDecimal LOWER = new BigDecimal("0.5");
    static final BigDecimal UPPER = new BigDecimal("2.0");
    static final int RATIO_SCALE = 4;
    static final int MAX_MONTHS = 24;
    /** The ledger's provider name for each export provider. */
    static final Map<String, String> LEDGER_PROVIDER = Map.of("aws", "AWS", "azure", "Microsoft", "gcp", "Google Cloud");

    @Inject
    ProviderCarbonExports exports;

    @Inject
    CarbonReports reports;

    public CarbonDivergenceReport report(String provider, String fromText, String toText, String factorSet) {
        if (provider == null || !LEDGER_PROVIDER.containsKey(provider)) {
            throw ProblemException.badRequest("provider must be one of aws, azure, gcp", Problem.Fault.at("provider", "aws, azure or gcp"));
        }
        YearMonth from = month("from", fromText);
        YearMonth to = month("to", toText);
        if (!from.isBefore(to)) throw ProblemException.badRequest("from must be before to (to is exclusive)", Problem.Fault.at("to", "after from"));
        if (from.plusMonths(MAX_MONTHS).isBefore(to)) {
            throw ProblemException.badRequest("at most " + MAX_MONTHS + " months", Problem.Fault.at("to", "at most " + MAX_MONTHS + " months after from"));
        }
        String ledgerProvider = LEDGER_PROVIDER.get(provider);
        // month -> service -> [provider lbm, provider mbm (null: none), outlay]
        Map<YearMonth, Map<String, BigDecimal[]>> cells = new TreeMap<>();
        TreeSet<String> models = new TreeSet<>();
        for (ProviderCarbonExports.Stored s : exports.stored(provider, from, to)) {
            BigDecimal[] c = cells.computeIfAbsent(s.month(), k -> new TreeMap<>()).computeIfAbsent(s.service(), k -> empty());
            c[0] = add(c[0], s.lbmKg());
            c[1] = s.mbmKg() == null ? c[1] : add(c[1], s.mbmKg());
            models.add(s.modelVersion());
        }
        CarbonReport first = null;
        for (YearMonth m = from; m.isBefore(to); m = m.plusMonths(1)) {
            CarbonReport r = reports.report("provider,service", m.atDay(1).toString(), m.plusMonths(1).atDay(1).toString(), factorSet);
            if (first == null) first = r;
            for (CarbonReport.Row row : r.rows()) {
                if (!ledgerProvider.equals(row.group().get("provider")) || row.kgCo2e().signum() == 0) continue;
                BigDecimal[] c = cells.computeIfAbsent(m, k -> new TreeMap<>()).computeIfAbsent(row.group().get("service"), k -> empty());
                c[2] = add(c[2], row.kgCo2e());
            }
        }
        List<CarbonDivergenceReport.Row> rows = new ArrayList<>();
        List<CarbonDivergenceReport.MonthTotal> totals = new ArrayList<>();
        cells.forEach((m, services) -> {
            BigDecimal[] t = empty();
            services.forEach((service, c) -> {
                rows.add(new CarbonDivergenceReport.Row(m.toString(), service, c[0], c[1], c[2], ratio(c[2], c[0]), status(c[0], c[2])));
                t[0] = add(t[0], c[0]);
                if (c[1] != null) t[1] = add(t[1], c[1]);
                t[2] = add(t[2], c[2]);
            });
            totals.add(new CarbonDivergenceReport.MonthTotal(m.toString(), t[0], t[1], t[2], ratio(t[2], t[0]), status(t[0], t[2])));
        });
        return new CarbonDivergenceReport(provider, from.toString(), to.toString(), first.factorSet(), first.methodVersion(),
                List.copyOf(models), LOWER, UPPER, rows, totals);
    }

    private static BigDecimal[] empty() {
        return new BigDecimal[]{null, null, null};
    }

    /** Null is "this side has nothing" (not zero): a month total stays null only when every service's side is. */
    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (b == null) return a;
        return a == null ? b : a.add(b);
    }

    static BigDecimal ratio(BigDecimal outlay, BigDecimal provider) {
        if (outlay == null || provider == null || provider.signum() == 0) return null;
        return outlay.divide(provider, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    static String status(BigDecimal provider, BigDecimal outlay) {
        if (outlay == null || outlay.signum() == 0) return "PROVIDER_ONLY";
        if (provider == null || provider.signum() == 0) return "OUTLAY_ONLY";
        BigDecimal r = outlay.divide(provider, RATIO_SCALE, RoundingMode.HALF_EVEN);
        return r.compareTo(LOWER) < 0 || r.compareTo(UPPER) > 0 ? "METHOD_DIVERGENCE" : "WITHIN";
    }

    private static YearMonth month(String field, String text) {
        try {
            if (text == null) throw new DateTimeParseException("missing", "", 0);
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field + " must be a month (yyyy-mm)", Problem.Fault.at(field, "yyyy-mm required"));
        }
    }
}
