/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.commitments.api;

import dev.outlay.commitments.UsageDay;
import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Daily on-demand-equivalent cost of the usage a Compute Savings Plan applies to, from the ledger: AWS
 * {@code ChargeCategory = Usage} rows of EC2 instances (product family "Compute Instance", or box/dedicated/host usage
 * types), Lambda and Fargate, without spot ({@code PricingCategory = Dynamic}). The on-demand equivalent is
 * {@code ListCost} (the CUR mapper puts {@code pricing_public_on_demand_cost} there). Usage that already carries a
 * {@code CommitmentDiscountId} is covered by a commitment the tenant holds: it is counted for the current coverage and
 * left out of the series a new commitment is sized on (AWS's RI recommendations do the same).
 */
@ApplicationScoped
public class EligibleUsageReader {

    public static final String ELIGIBLE = "provider_name = 'AWS' AND charge_category = 'Usage' AND pricing_category IS DISTINCT FROM 'Dynamic' AND ("
            + "(service_name = 'Amazon Elastic Compute Cloud' AND (resource_type = 'Compute Instance' OR x_usage_type LIKE '%BoxUsage%' "
            + "OR x_usage_type LIKE '%DedicatedUsage%' OR x_usage_type LIKE '%HostUsage%')) "
            + "OR service_name IN ('AWS Lambda', 'AWS Fargate') OR x_usage_type LIKE '%Fargate%')";

    /** One currency's days (gaps inside the series filled with zero: a day without usage is a day a commitment idles). */
    public record Series(String currency, List<UsageDay> uncovered, BigDecimal coveredOde, BigDecimal totalOde) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** The last day with eligible usage, if any. */
    public Optional<LocalDate> lastDay() {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT max((charge_period_start AT TIME ZONE 'UTC')::date) FROM outlay.ledger_charge WHERE tenant_id = ? AND " + ELIGIBLE)) {
            ps.setString(1, TenantContext.requireTenant());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Date d = rs.getDate(1);
                return Optional.ofNullable(d).map(Date::toLocalDate);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger's eligible usage", e);
        }
    }

    /** Days in [from, to). */
    public List<Series> read(LocalDate from, LocalDate to) {
        return read(from, to, List.of());
    }

    /** Days in [from, to) without the usage of {@code excluded} resources (those an open finding deletes or stops). */
    public List<Series> read(LocalDate from, LocalDate to, List<String> excluded) {
        Map<String, TreeMap<LocalDate, BigDecimal[]>> byCurrency = new TreeMap<>();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT (charge_period_start AT TIME ZONE 'UTC')::date, billing_currency, "
                        + "COALESCE(sum(list_cost) FILTER (WHERE commitment_discount_id IS NULL), 0), "
                        + "COALESCE(sum(list_cost) FILTER (WHERE commitment_discount_id IS NOT NULL), 0) "
                        + "FROM outlay.ledger_charge WHERE tenant_id = ? AND " + ELIGIBLE
                        + " AND billing_period >= ? AND billing_period < ? AND charge_period_start >= ? AND charge_period_start < ? "
                        + "AND (resource_id IS NULL OR NOT (resource_id = ANY (?))) GROUP BY 1, 2 ORDER BY 1, 2")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setDate(2, Date.valueOf(YearMonth.from(from).minusMonths(1).atDay(1)));
            ps.setDate(3, Date.valueOf(YearMonth.from(to).plusMonths(2).atDay(1)));
            ps.setTimestamp(4, Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)));
            ps.setTimestamp(5, Timestamp.from(to.atStartOfDay().toInstant(ZoneOffset.UTC)));
            ps.setArray(6, c.createArrayOf("text", excluded.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byCurrency.computeIfAbsent(rs.getString(2), k -> new TreeMap<>())
                            .put(rs.getDate(1).toLocalDate(), new BigDecimal[]{rs.getBigDecimal(3), rs.getBigDecimal(4)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger's eligible usage", e);
        }
        List<Series> out = new ArrayList<>();
        byCurrency.forEach((currency, days) -> {
            List<UsageDay> series = new ArrayList<>();
            BigDecimal covered = BigDecimal.ZERO;
            BigDecimal total = BigDecimal.ZERO;
            for (LocalDate d = days.firstKey(); !d.isAfter(days.lastKey()); d = d.plusDays(1)) {
                BigDecimal[] v = days.getOrDefault(d, new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                series.add(new UsageDay(d, v[0]));
                covered = covered.add(v[1]);
                total = total.add(v[0]).add(v[1]);
            }
            out.add(new Series(currency, series, covered, total));
        });
        return out;
    }
}
