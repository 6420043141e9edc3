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
import dev.outlay.tenancy.TenantConnections;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The numerator comes from {@code outlay.cost_daily} (V43/V81): the daily owner totals of the allocation runs in
 * force (latest succeeded, not superseded), in their currencies. A period without a run has no owner figures and
 * so no cost here. Owner totals of a run stored before runs kept currencies are refused, never guessed.
 */
@ApplicationScoped
public class UnitCostService {

    static final int MAX_DAYS = 732;

    @Inject
    EconomicsRepository repository;

    @Inject
    MetricService metrics;

    @Inject
    AgroalDataSource dataSource;

    public UnitCostReport report(String kpiName, String fromText, String toText, String grainText) {
        if (kpiName == null || kpiName.isBlank()) throw ProblemException.badRequest("kpi is required", Problem.Fault.at("kpi", "required"));
        LocalDate from = date("from", fromText);
        LocalDate to = date("to", toText);
        if (!from.isBefore(to)) throw ProblemException.badRequest("from must be before to (to is exclusive)", Problem.Fault.at("to", "after from"));
        if (to.toEpochDay() - from.toEpochDay() > MAX_DAYS) throw ProblemException.badRequest("window longer than " + MAX_DAYS + " days");
        UnitCostCalculator.Grain grain = UnitCostCalculator.Grain.parse(grainText);
        if (grain == null) throw ProblemException.badRequest("grain must be day or month", Problem.Fault.at("grain", "day or month"));
        KpiDefinition kpi = metrics.kpi(kpiName);
        MetricDefinition metric = metrics.get(kpi.metric());
        String scopeValue = metric.scope() == null ? "" : kpi.numeratorValue();
        List<UnitCost> rows = UnitCostCalculator.compute(costs(kpi, from, to), repository.values(metric.name(), scopeValue, from, to),
                grain, from, to);
        return new UnitCostReport(kpi.name(), kpi.numeratorDimension(), kpi.numeratorValue(), metric.name(), metric.unit(),
                grain.name().toLowerCase(), from, to, UnitCostCalculator.SCALE, "HALF_EVEN", rows);
    }

    List<CostDay> costs(KpiDefinition kpi, LocalDate from, LocalDate to) {
        String column = Names.OWNER_COLUMNS.get(kpi.numeratorDimension());
        String sql = "SELECT day, currency, sum(amount) FROM outlay.cost_daily WHERE " + column
                + " = ? AND day >= ? AND day < ? GROUP BY day, currency ORDER BY day, currency";
        List<CostDay> out = new ArrayList<>();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, kpi.numeratorValue());
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) == null) {
                        throw ProblemException.conflict("owner totals on " + rs.getDate(1) + " come from an allocation run without currencies; re-run that billing period");
                    }
                    out.add(new CostDay(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getBigDecimal(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read allocated costs", e);
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
