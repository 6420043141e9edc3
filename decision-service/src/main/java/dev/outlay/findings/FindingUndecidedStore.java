/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a scan could not or would not judge ({@link FindingUndecided}) and its per-detector counts, for the current
 * tenant (row-level security scopes every statement). Only the newest {@value #KEPT_SCANS} succeeded scans keep their
 * lists: a daily scan of a large estate without metrics would otherwise add a row per resource and day for ever; the
 * counts stay on every scan.
 */
@ApplicationScoped
public class FindingUndecidedStore {

    static final int KEPT_SCANS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    /** Which undecided rows a list reads; {@code owners} null means every owner. */
    public record Filter(String detector, String outcome, String owner, Set<String> owners) {
    }

    /** Per detector, in detector order: how many findings the scan detected and how many verdicts were undecided. */
    static List<FindingScan.DetectorCounts> count(List<FindingDetection> detected, List<FindingUndecided> undecided) {
        Map<String, int[]> n = new TreeMap<>();
        for (FindingDetection d : detected) n.computeIfAbsent(d.detector(), k -> new int[3])[0]++;
        for (FindingUndecided u : undecided) {
            n.computeIfAbsent(u.detector(), k -> new int[3])[Verdict.WAIVED.equals(u.outcome()) ? 2 : 1]++;
        }
        List<FindingScan.DetectorCounts> out = new ArrayList<>();
        n.forEach((d, c) -> out.add(new FindingScan.DetectorCounts(d, c[0], c[1], c[2])));
        return out;
    }

    /** Stores the scan's undecided rows (in the reconciling transaction) and prunes the lists of older scans. */
    void write(UUID scanId, List<FindingUndecided> rows) {
        String tenant = TenantContext.requireTenant();
        try (Connection c = TenantConnections.open(dataSource)) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outlay.finding_scan_undecided (tenant_id, scan_id, resource_id, detector, outcome, reason, rule_set,
                      rule_version, decision_id, owner, provider, account_id, region) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
                for (FindingUndecided u : rows) {
                    Object[] args = {tenant, scanId, u.resourceId(), u.detector(), u.outcome(), u.reason(), u.ruleSet(), u.ruleVersion(),
                            u.decisionId(), u.owner(), u.provider(), u.accountId(), u.region()};
                    for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            String older = "SELECT s.id FROM outlay.finding_scan s WHERE s.tenant_id = ? AND s.status = 'succeeded' AND s.id <> ? "
                    + "AND NOT s.undecided_pruned ORDER BY s.started_at DESC OFFSET " + (KEPT_SCANS - 1);
            try (PreparedStatement ps = c.prepareStatement("UPDATE outlay.finding_scan SET undecided_pruned = true WHERE tenant_id = ? AND id IN ("
                    + older + ")")) {
                ps.setString(1, tenant);
                ps.setString(2, tenant);
                ps.setObject(3, scanId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outlay.finding_scan_undecided u WHERE u.tenant_id = ? AND u.scan_id IN "
                    + "(SELECT s.id FROM outlay.finding_scan s WHERE s.tenant_id = ? AND s.undecided_pruned)")) {
                ps.setString(1, tenant);
                ps.setString(2, tenant);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the scan's undecided verdicts: " + e.getMessage(), e);
        }
    }

    /** The scan's undecided rows, ordered by owner, detector and resource. */
    public List<FindingUndecided> list(UUID scanId, Filter f) {
        StringBuilder sql = new StringBuilder("SELECT resource_id, detector, outcome, reason, rule_set, rule_version, decision_id, owner, "
                + "provider, account_id, region FROM outlay.finding_scan_undecided WHERE tenant_id = ? AND scan_id = ?");
        List<Object> args = new ArrayList<>(List.of(TenantContext.requireTenant(), scanId));
        if (f.detector() != null) {
            sql.append(" AND detector = ?");
            args.add(f.detector());
        }
        if (f.outcome() != null) {
            sql.append(" AND outcome = ?");
            args.add(f.outcome());
        }
        if (f.owner() != null) {
            sql.append(" AND owner = ?");
            args.add(f.owner());
        }
        sql.append(f.owners() == null ? "" : " AND owner = ANY (?)").append(" ORDER BY owner, detector, resource_id");
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            if (f.owners() != null) ps.setArray(args.size() + 1, c.createArrayOf("text", f.owners().toArray(String[]::new)));
            List<FindingUndecided> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FindingUndecided(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), (UUID) rs.getObject(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the scan's undecided verdicts", e);
        }
    }

    /** Whether the scan's list was pruned (see the class comment). */
    public boolean pruned(UUID scanId) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT undecided_pruned FROM outlay.finding_scan WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setObject(2, scanId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the finding scan", e);
        }
    }

    /** The newest succeeded scan of the tenant, if any. */
    public Optional<UUID> latestSucceeded() {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM outlay.finding_scan WHERE tenant_id = ? AND status = 'succeeded' ORDER BY finished_at DESC, started_at DESC LIMIT 1")) {
            ps.setString(1, TenantContext.requireTenant());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of((UUID) rs.getObject(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the latest finding scan", e);
        }
    }

    /**
     * Per detector, what the scan left for the owners the caller may see ({@code owners} null = all): findings it
     * detected (their last scan is this one) and its undecided rows. Reads the lists, so a pruned scan counts none.
     */
    public List<FindingScan.DetectorCounts> coverage(UUID scanId, Set<String> owners) {
        String scope = owners == null ? "" : " AND owner = ANY (?)";
        String sql = "SELECT detector, sum(f), sum(i), sum(w) FROM ("
                + " SELECT detector, 1 AS f, 0 AS i, 0 AS w FROM outlay.finding WHERE tenant_id = ? AND last_scan_id = ?" + scope
                + " UNION ALL SELECT detector, 0, CASE WHEN outcome = 'waived' THEN 0 ELSE 1 END, CASE WHEN outcome = 'waived' THEN 1 ELSE 0 END"
                + " FROM outlay.finding_scan_undecided WHERE tenant_id = ? AND scan_id = ?" + scope
                + ") v GROUP BY detector ORDER BY detector";
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (int part = 0; part < 2; part++) {
                ps.setString(i++, TenantContext.requireTenant());
                ps.setObject(i++, scanId);
                if (owners != null) ps.setArray(i++, c.createArrayOf("text", owners.toArray(String[]::new)));
            }
            List<FindingScan.DetectorCounts> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new FindingScan.DetectorCounts(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the findings coverage", e);
        }
    }

    static String json(List<FindingScan.DetectorCounts> counts) {
        try {
            return JSON.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<FindingScan.DetectorCounts> counts(String json) {
        if (json == null) return List.of();
        try {
            return JSON.readValue(json, new TypeReference<List<FindingScan.DetectorCounts>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable detector counts", e);
        }
    }
}
