/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import dev.outlay.ingestion.IngestionConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Per source: last successful ingestion, its age, completeness of the current billing period (days up to
 * yesterday with ledger rows / days elapsed) and whether the freshness window is breached.
 */
@ApplicationScoped
public class SourceHealthService {

    public record SourceHealth(String source, String sourceKind, Instant lastSuccessAt, Double recencyHours, String lastStatus,
                               LocalDate latestDataDay, String currentBillingPeriod, double currentPeriodCompleteness,
                               int freshnessWindowHours, boolean breached) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IngestionConfig config;

    Clock clock = Clock.systemUTC();

    public List<SourceHealth> health() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate periodStart = today.withDayOfMonth(1);
        long elapsed = Math.max(1, today.getDayOfMonth() - 1);
        String sql = "SELECT i.source, max(i.source_kind), max(i.finished_at) FILTER (WHERE i.status = 'succeeded'), "
                + "(array_agg(i.status ORDER BY i.created_at DESC))[1], "
                + "(SELECT max(d.day) FROM outlay.ledger_daily d WHERE d.source = i.source), "
                + "(SELECT count(DISTINCT d.day) FROM outlay.ledger_daily d WHERE d.source = i.source AND d.day >= ? AND d.day < ?) "
                + "FROM outlay.ingestion i GROUP BY i.source ORDER BY i.source";
        List<SourceHealth> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, periodStart);
            ps.setObject(2, today);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant last = rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant();
                    Double recency = last == null ? null : CostService.hours(last, now);
                    boolean breached = recency == null || recency > config.freshnessHours();
                    double completeness = CostService.round(Math.min(1.0, rs.getLong(6) / (double) elapsed));
                    out.add(new SourceHealth(rs.getString(1), rs.getString(2), last, recency, rs.getString(4),
                            rs.getObject(5, LocalDate.class), periodStart.toString().substring(0, 7), completeness,
                            config.freshnessHours(), breached));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("source health query failed", e);
        }
        return out;
    }
}
