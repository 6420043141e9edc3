/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A resource's daily run rate from the ledger, per currency: before an action (the baseline stored with it) and after
 * it (what verification compares with the finding's low saving). Days without a charge count as zero; currencies are
 * never mixed.
 */
@ApplicationScoped
public class FindingCosts {

    /** Days of ledger the baseline averages over (the billing window the detectors judge). */
    static final int BASELINE_DAYS = 30;
    /** Ledger days after the action that verification averages over: a week, so one cheap day does not verify. */
    static final int VERIFY_DAYS = 7;
    private static final int SCALE = 6;

    @Inject
    AgroalDataSource dataSource;

    /** The outcome of comparing the cost after an action with its baseline. */
    public record Drop(boolean dropped, Map<String, BigDecimal> before, Map<String, BigDecimal> after, LocalDate ledgerEnd, String why) {
    }

    /** Average daily cost per currency over the {@value #BASELINE_DAYS} ledger days up to and including {@code day}. */
    public Map<String, BigDecimal> dailyBefore(String resourceId, LocalDate day) {
        LocalDate end = ledgerEnd().filter(e -> e.isBefore(day)).orElse(day);
        return daily(resourceId, end.minusDays(BASELINE_DAYS - 1L), end, BASELINE_DAYS);
    }

    /**
     * Whether the action taken on {@code actionDay} shows in the ledger, judged on complete days up to {@code through}
     * (the scan's day): over the last {@value #VERIFY_DAYS} ledger days after the action day (fewer when fewer have
     * passed, at least one), the resource's average daily effective cost in every currency of the baseline is lower
     * than the baseline by at least the finding's low monthly saving in that currency as a daily rate (low ÷ 30.4375);
     * a currency without a saving needs any drop. Days without a charge count as zero.
     */
    public Drop compare(String resourceId, Map<String, BigDecimal> baseline, LocalDate actionDay, List<SavingsRange> savings,
                        LocalDate through) {
        Optional<LocalDate> ledgerEnd = ledgerEnd();
        LocalDate end = ledgerEnd.filter(e -> !e.isAfter(through)).orElse(through);
        if (ledgerEnd.isEmpty() || !end.isAfter(actionDay)) {
            return new Drop(false, baseline, Map.of(), ledgerEnd.orElse(null), "the ledger has no complete day after the action yet");
        }
        if (baseline == null || baseline.values().stream().noneMatch(v -> v.signum() > 0)) {
            return new Drop(false, baseline, Map.of(), end, "the resource had no cost before the action to compare with");
        }
        int days = (int) Math.min(VERIFY_DAYS, ChronoUnit.DAYS.between(actionDay, end));
        LocalDate from = end.minusDays(days - 1L);
        Map<String, BigDecimal> after = daily(resourceId, from, end, days);
        List<String> drops = new java.util.ArrayList<>();
        for (Map.Entry<String, BigDecimal> b : baseline.entrySet()) {
            if (b.getValue().signum() <= 0) continue;
            String currency = b.getKey();
            BigDecimal now = after.getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal needed = savings.stream().filter(s -> s.currency().equals(currency)).findFirst()
                    .map(s -> s.low().divide(SavingsRange.DAYS_PER_MONTH, SCALE, RoundingMode.HALF_EVEN)).orElse(BigDecimal.ZERO);
            BigDecimal dropped = b.getValue().subtract(now);
            boolean enough = needed.signum() > 0 ? dropped.compareTo(needed) >= 0 : dropped.signum() > 0;
            String line = currency + " " + b.getValue().toPlainString() + "/day before, " + now.toPlainString() + "/day over " + from
                    + ".." + end + " (drop " + dropped.toPlainString() + ", needed " + (needed.signum() > 0 ? needed.toPlainString() : "any") + ")";
            if (!enough) return new Drop(false, baseline, after, end, line);
            drops.add(line);
        }
        return new Drop(true, baseline, after, end, "cost dropped: " + String.join("; ", drops));
    }

    /** The newest charge day of the tenant's ledger. */
    public Optional<LocalDate> ledgerEnd() {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT max((charge_period_start AT TIME ZONE 'UTC')::date) FROM outlay.ledger_charge WHERE tenant_id = ?")) {
            ps.setString(1, TenantContext.requireTenant());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Date d = rs.getDate(1);
                return Optional.ofNullable(d == null ? null : d.toLocalDate());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger's newest day", e);
        }
    }

    private Map<String, BigDecimal> daily(String resourceId, LocalDate from, LocalDate to, int days) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement("""
                SELECT billing_currency, sum(effective_cost) FROM outlay.ledger_charge
                WHERE tenant_id = ? AND resource_id = ? AND charge_period_start >= ? AND charge_period_start < ?
                GROUP BY billing_currency ORDER BY billing_currency""")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, resourceId);
            ps.setObject(3, from.atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime());
            ps.setObject(4, to.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime());
            Map<String, BigDecimal> out = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBigDecimal(2).divide(BigDecimal.valueOf(days), SCALE, RoundingMode.HALF_EVEN));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the resource's ledger cost", e);
        }
    }
}
