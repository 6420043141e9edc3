/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import dev.outlay.actions.ActionEvent;
import dev.outlay.actions.ActionOutbox;
import dev.outlay.actions.EventKind;
import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.outlay.ingestion.IngestionConfig;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a source that went stale (its freshness SLI breached) into one {@code sli_breach} action event per breach
 * episode: the event and the episode row are written in one transaction, a source that stays stale is not
 * announced again on every check, and one that recovers closes its episode so the next breach is news again.
 */
@ApplicationScoped
public class SliBreaches {

    @jakarta.inject.Inject
    dev.outlay.cluster.ClusterJobs cluster;

    private static final Logger LOG = Logger.getLogger(SliBreaches.class);
    static final String FRESHNESS = "freshness";

    /** What one check did for a tenant: sources newly breached (announced) and sources recovered. */
    public record Checked(List<String> opened, List<String> resolved) {
    }

    @Inject
    SourceHealthService health;

    @Inject
    ActionOutbox actions;

    @Inject
    TenantRegistry tenants;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IngestionConfig config;

    @Scheduled(every = "${outlay.ingestion.sli-check-every:15m}", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.sliCheck()) return;
        if (!cluster.onceEvery("sli-check", "outlay.ingestion.sli-check-every", "15m")) return;
        for (String tenant : tenants.activeIds()) {
            try {
                check(tenant);
            } catch (RuntimeException e) {
                LOG.warnf(e, "tenant %s: SLI check failed", tenant);
            }
        }
    }

    public Checked check(String tenant) {
        return TenantContext.runAs(TenantContext.system(tenant), () -> QuarkusTransaction.requiringNew().call(this::checkBound));
    }

    private Checked checkBound() {
        List<String> opened = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        List<String> open = openEpisodes();
        for (SourceHealthService.SourceHealth h : health.health()) {
            boolean isOpen = open.contains(h.source());
            if (h.breached() && !isOpen) {
                open(h);
                opened.add(h.source());
            } else if (!h.breached() && isOpen) {
                resolve(h.source());
                resolved.add(h.source());
            }
        }
        return new Checked(opened, resolved);
    }

    private void open(SourceHealthService.SourceHealth h) {
        Map<String, Object> payload = new LinkedHashMap<>();
        String age = h.recencyHours() == null ? "has never loaded successfully" : "last loaded " + Math.round(h.recencyHours()) + " h ago";
        payload.put("summary", "Source " + h.source() + " is stale: " + age + " (freshness window " + h.freshnessWindowHours() + " h)");
        payload.put("source", h.source());
        payload.put("sli", FRESHNESS);
        if (h.recencyHours() != null) payload.put("recencyHours", h.recencyHours());
        payload.put("freshnessWindowHours", h.freshnessWindowHours());
        if (h.lastSuccessAt() != null) payload.put("lastSuccessAt", h.lastSuccessAt().toString());
        if (h.latestDataDay() != null) payload.put("latestDataDay", h.latestDataDay().toString());
        payload.put("currentPeriodCompleteness", h.currentPeriodCompleteness());
        UUID eventId = actions.emit(new ActionEvent(EventKind.SLI_BREACH, "source", h.source(), "high", null, null, null, null, payload)).eventId();
        update("INSERT INTO outlay.sli_breach (tenant_id, source, sli, breached_since, event_id, detail) VALUES (?,?,?,?,?,?::jsonb)",
                TenantContext.requireTenant(), h.source(), FRESHNESS, Timestamp.from(Instant.now()), eventId,
                "{\"freshnessWindowHours\":" + h.freshnessWindowHours() + "}");
    }

    private void resolve(String source) {
        update("UPDATE outlay.sli_breach SET resolved_at = now() WHERE source = ? AND sli = ? AND resolved_at IS NULL", source, FRESHNESS);
    }

    private List<String> openEpisodes() {
        List<String> out = new ArrayList<>();
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("SELECT source FROM outlay.sli_breach WHERE sli = ? AND resolved_at IS NULL")) {
            ps.setString(1, FRESHNESS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading open SLI breaches failed", e);
        }
        return out;
    }

    private void update(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording the SLI breach failed", e);
        }
    }
}
