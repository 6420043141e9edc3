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
import dev.outlay.carbon.CarbonEstimate;
import dev.outlay.carbon.CarbonEstimator;
import dev.outlay.carbon.CarbonGroup;
import dev.outlay.carbon.UnestimatedUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validates a report request, reads the window's usage and estimates it under the asked (or default) factor set. */
@ApplicationScoped
public class CarbonReports {

    static final int MAX_DAYS = 732;

    @Inject
    FactorSets factorSets;

    @Inject
    CarbonUsageReader reader;

    public CarbonReport report(String groupByText, String fromText, String toText, String factorSet) {
        LocalDate from = date("from", fromText);
        LocalDate to = date("to", toText);
        if (!from.isBefore(to)) throw ProblemException.badRequest("from must be before to (to is exclusive)", Problem.Fault.at("to", "after from"));
        if (to.toEpochDay() - from.toEpochDay() > MAX_DAYS) {
            throw ProblemException.badRequest("window longer than " + MAX_DAYS + " days", Problem.Fault.at("to", "at most " + MAX_DAYS + " days after from"));
        }
        List<CarbonDimension> groupBy = groupBy(groupByText);
        if (factorSet != null && factorSet.isBlank()) factorSet = null;
        String wanted = factorSet;
        FactorSets.Resolved set = factorSets.resolve(wanted).orElseThrow(() -> ProblemException.badRequest(
                "this tenant has no carbon factor set " + wanted, Problem.Fault.at("factorSet", "unknown version")));
        CarbonEstimate e = CarbonEstimator.estimate(set.factors(), reader.read(from, to, groupBy));
        List<String> names = groupBy.stream().map(d -> d.wire).toList();
        List<CarbonReport.Row> rows = new ArrayList<>();
        for (CarbonGroup g : e.groups()) {
            rows.add(new CarbonReport.Row(group(names, g.group()), g.computeKwh(), g.storageKwh(), g.networkKwh(), g.memoryKwh(), g.gpuKwh(), g.kwh(),
                    g.kgCo2e(), g.estimatedRows(), g.regionDefaultedRows(), g.utilizationDefaultedRows()));
        }
        List<CarbonReport.UnestimatedRow> un = new ArrayList<>();
        for (UnestimatedUsage u : e.unestimated()) {
            un.add(new CarbonReport.UnestimatedRow(group(names, u.group()), u.reason().name(), u.currency(), u.rows(), u.cost()));
        }
        return new CarbonReport(from, to, names, FactorSetRef.of(set.summary()), e.methodVersion(), CarbonEstimator.SCALE, "HALF_EVEN", e.totalKwh(),
                e.totalKgCo2e(), e.estimatedRows(), e.unestimatedRows(), rows, un);
    }

    private static Map<String, String> group(List<String> names, List<String> values) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) m.put(names.get(i), values.get(i));
        return m;
    }

    static List<CarbonDimension> groupBy(String text) {
        List<CarbonDimension> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        for (String part : text.split(",", -1)) {
            CarbonDimension d = CarbonDimension.parse(part.trim());
            if (d == null) {
                throw ProblemException.badRequest("groupBy takes a comma-separated list of " + CarbonDimension.names(),
                        Problem.Fault.at("groupBy", "unknown dimension '" + part.trim() + "'"));
            }
            if (out.contains(d)) throw ProblemException.badRequest("groupBy names " + d.wire + " twice", Problem.Fault.at("groupBy", "duplicate " + d.wire));
            out.add(d);
        }
        return out;
    }

    private static LocalDate date(String field, String text) {
        try {
            if (text == null) throw new DateTimeParseException("missing", "", 0);
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field + " must be an ISO date (yyyy-mm-dd)", Problem.Fault.at(field, "ISO date required"));
        }
    }
}
