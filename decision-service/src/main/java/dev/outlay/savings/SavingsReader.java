/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.savings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.commitments.api.EligibleUsageReader;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Findings, their savings and baselines, and the ledger figures the savings report needs (current tenant). */
@ApplicationScoped
public class SavingsReader {

    static final List<String> OPEN = List.of("open", "accepted", "reopened", "pending_approval");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    List<OpenFinding> open() {
        List<OpenFinding> out = new ArrayList<>();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement("""
                SELECT f.id, f.resource_id, f.owner, f.detector, f.action, s.currency, s.low, s.expected, s.high
                FROM outlay.finding f JOIN outlay.finding_saving s ON s.tenant_id = f.tenant_id AND s.finding_id = f.id
                WHERE f.tenant_id = ? AND f.status = ANY (?) ORDER BY f.id, s.currency""")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setArray(2, c.createArrayOf("text", OPEN.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OpenFinding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read open findings", e);
        }
        return out;
    }

    /** Findings actioned in [from, to) with their baseline per currency and the post window's cost ([start, end)). */
    List<ActionedFinding> actioned(LocalDate from, LocalDate to, int settleDays, int postDays) {
        LocalDate ledgerEnd = lastLedgerDay().map(d -> d.plusDays(1)).orElse(from);
        List<ActionedFinding> out = new ArrayList<>();
        try (Connection c = TenantConnections.open(dataSource)) {
            List<Actioned> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, resource_id, owner, action, (actioned_at AT TIME ZONE 'UTC')::date, action_baseline::text FROM outlay.finding
                    WHERE tenant_id = ? AND status IN ('actioned', 'verified') AND actioned_at >= ? AND actioned_at < ? ORDER BY id""")) {
                ps.setString(1, TenantContext.requireTenant());
                ps.setTimestamp(2, Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)));
                ps.setTimestamp(3, Timestamp.from(to.atStartOfDay().toInstant(ZoneOffset.UTC)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Actioned(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                                baseline(rs.getString(6))));
                    }
                }
            }
            for (Actioned f : found) {
                LocalDate start = f.on().plusDays(settleDays);
                LocalDate end = start.plusDays(postDays);
                if (end.isAfter(ledgerEnd)) end = ledgerEnd;
                int days = end.isAfter(start) ? (int) (end.toEpochDay() - start.toEpochDay()) : 0;
                boolean perHour = SavingsMath.RATE_NORMALIZED.contains(f.action());
                for (Map.Entry<String, BigDecimal> b : f.baseline().entrySet()) {
                    BigDecimal cost = days == 0 ? BigDecimal.ZERO : cost(c, f.resourceId(), b.getKey(), start, end);
                    ActionedFinding.HourlyUsage before = perHour ? hours(c, f.resourceId(), b.getKey(), f.on().minusDays(BASELINE_DAYS), f.on()) : null;
                    ActionedFinding.HourlyUsage after = perHour && days > 0 ? hours(c, f.resourceId(), b.getKey(), start, end) : null;
                    out.add(new ActionedFinding(f.id(), f.resourceId(), f.owner(), f.action(), f.on(), b.getKey(), b.getValue(), cost, days,
                            before, after));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read actioned findings", e);
        }
        return out;
    }

    private record Actioned(String id, String resourceId, String owner, String action, LocalDate on, Map<String, BigDecimal> baseline) {
    }

    private Map<String, BigDecimal> baseline(String json) {
        if (json == null) return Map.of();
        try {
            Map<String, String> raw = mapper.readValue(json, new TypeReference<Map<String, String>>() { });
            Map<String, BigDecimal> out = new java.util.TreeMap<>();
            raw.forEach((k, v) -> out.put(k, new BigDecimal(v)));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("a finding's baseline is not readable", e);
        }
    }

    private static BigDecimal cost(Connection c, String resource, String currency, LocalDate start, LocalDate end) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(sum(effective_cost), 0) FROM outlay.ledger_charge WHERE tenant_id = ? "
                + "AND resource_id = ? AND billing_currency = ? AND charge_period_start >= ? AND charge_period_start < ?")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, resource);
            ps.setString(3, currency);
            ps.setTimestamp(4, Timestamp.from(start.atStartOfDay().toInstant(ZoneOffset.UTC)));
            ps.setTimestamp(5, Timestamp.from(end.atStartOfDay().toInstant(ZoneOffset.UTC)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    /** The baseline window before an action, as the finding's stored baseline averages it (FindingCosts). */
    static final int BASELINE_DAYS = 30;
    /** Consumed units that are hours, as the connectors write them (CUR "Hrs", FOCUS "Hours", Azure "1 Hour"). */
    static final List<String> HOUR_UNITS = List.of("hrs", "hours", "hour", "1 hour", "h");

    /** Cost and hours of the resource's hour-metered usage rows in [start, end) and one currency. */
    private static ActionedFinding.HourlyUsage hours(Connection c, String resource, String currency, LocalDate start, LocalDate end) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(sum(effective_cost), 0), COALESCE(sum(consumed_quantity), 0) "
                + "FROM outlay.ledger_charge WHERE tenant_id = ? AND resource_id = ? AND billing_currency = ? AND charge_category = 'Usage' "
                + "AND lower(consumed_unit) = ANY (?) AND charge_period_start >= ? AND charge_period_start < ?")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, resource);
            ps.setString(3, currency);
            ps.setArray(4, c.createArrayOf("text", HOUR_UNITS.toArray()));
            ps.setTimestamp(5, Timestamp.from(start.atStartOfDay().toInstant(ZoneOffset.UTC)));
            ps.setTimestamp(6, Timestamp.from(end.atStartOfDay().toInstant(ZoneOffset.UTC)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ActionedFinding.HourlyUsage(rs.getBigDecimal(1), rs.getBigDecimal(2));
            }
        }
    }

    java.util.Optional<LocalDate> lastLedgerDay() {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT max(day) FROM outlay.ledger_daily WHERE tenant_id = ?")) {
            ps.setString(1, TenantContext.requireTenant());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Date d = rs.getDate(1);
                return java.util.Optional.ofNullable(d).map(Date::toLocalDate);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger's last day", e);
        }
    }

    /** One currency's commitment figures; {@code unused}: the effective cost purchase rows keep (the unused commitment). */
    record CommitmentFigures(String currency, BigDecimal coveredOde, BigDecimal coveredEffective, BigDecimal eligibleOde,
                             BigDecimal eligibleEffective, BigDecimal unused) {
    }

    List<CommitmentFigures> commitmentFigures(LocalDate from, LocalDate to) {
        List<CommitmentFigures> out = new ArrayList<>();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT billing_currency, "
                        + "COALESCE(sum(list_cost) FILTER (WHERE commitment_discount_id IS NOT NULL AND " + EligibleUsageReader.ELIGIBLE + "), 0), "
                        + "COALESCE(sum(effective_cost) FILTER (WHERE commitment_discount_id IS NOT NULL AND " + EligibleUsageReader.ELIGIBLE + "), 0), "
                        + "COALESCE(sum(list_cost) FILTER (WHERE " + EligibleUsageReader.ELIGIBLE + "), 0), "
                        + "COALESCE(sum(effective_cost) FILTER (WHERE " + EligibleUsageReader.ELIGIBLE + "), 0), "
                        + "COALESCE(sum(effective_cost) FILTER (WHERE charge_category = 'Purchase' AND commitment_discount_id IS NOT NULL), 0) "
                        + "FROM outlay.ledger_charge WHERE tenant_id = ? AND charge_period_start >= ? AND charge_period_start < ? "
                        + "GROUP BY 1 ORDER BY 1")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setTimestamp(2, Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)));
            ps.setTimestamp(3, Timestamp.from(to.atStartOfDay().toInstant(ZoneOffset.UTC)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CommitmentFigures(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read commitment figures", e);
        }
        return out;
    }
}
