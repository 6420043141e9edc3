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

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Findings, their savings per currency and their append-only history, for the current tenant (row-level security
 * scopes every statement; the tenant id in the WHERE clauses keeps the plans on the indexes). Status changes are
 * compare-and-set on the status read before, so two concurrent transitions cannot both win.
 */
@ApplicationScoped
public class FindingStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    dev.outlay.events.DomainEvents events;

    /** Which findings a list or summary reads; {@code owners} null means every owner (FinOps, auditors). */
    public record Filter(String owner, String detector, String status, BigDecimal minSavings, String currency, Set<String> owners) {
    }

    /** Savings of one owner and detector in one currency, summed only within that currency. */
    public record SummaryRow(String owner, String detector, String currency, int findings, BigDecimal low, BigDecimal expected,
                             BigDecimal high) {
    }

    private static final String COLUMNS = "id, resource_id, provider, account_id, region, owner, owner_source, environment, detector, "
            + "rule_set, rule_version, profile, profile_version, decision_id, profile_decision_id, tier, confidence, action, "
            + "probable_cause, required_action, risk, evidence::text, window_start, window_end, status, waive_reason, waived_until, "
            + "closed_reason, actioned_at, actioned_by, approval_request_id, violation_id, process_instance_id, first_seen, last_seen, "
            + "last_scan_id, status_before_approval, action_baseline::text";

    // ---- findings

    public Optional<StoredFinding> find(String id) {
        return query("SELECT " + COLUMNS + " FROM outlay.finding WHERE tenant_id = ? AND id = ?", id).stream().findFirst();
    }

    public Optional<StoredFinding> findByResource(String resourceId, String detector) {
        return query("SELECT " + COLUMNS + " FROM outlay.finding WHERE tenant_id = ? AND resource_id = ? AND detector = ?",
                resourceId, detector).stream().findFirst();
    }

    public Optional<StoredFinding> findByApproval(UUID requestId) {
        return query("SELECT " + COLUMNS + " FROM outlay.finding WHERE tenant_id = ? AND approval_request_id = ?", requestId)
                .stream().findFirst();
    }

    /** Findings a scan still looks after (not verified, not closed), in id order. */
    public List<StoredFinding> live() {
        return query("SELECT " + COLUMNS + " FROM outlay.finding WHERE tenant_id = ? AND status = ANY (?) ORDER BY id",
                (Object) FindingStatus.LIVE.toArray(String[]::new));
    }

    public List<StoredFinding> list(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM outlay.finding f WHERE tenant_id = ?");
        List<Object> args = new ArrayList<>();
        where(f, sql, args);
        sql.append(" ORDER BY owner, detector, resource_id");
        return query(sql.toString(), args.toArray());
    }

    public List<SummaryRow> summary(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT f.owner, f.detector, s.currency, count(*), sum(s.low), sum(s.expected), sum(s.high) "
                + "FROM outlay.finding f JOIN outlay.finding_saving s ON s.tenant_id = f.tenant_id AND s.finding_id = f.id WHERE f.tenant_id = ?");
        List<Object> args = new ArrayList<>();
        where(f, sql, args);
        sql.append(" GROUP BY f.owner, f.detector, s.currency ORDER BY f.owner, f.detector, s.currency");
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, TenantContext.requireTenant());
            bind(ps, 2, args.toArray());
            List<SummaryRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SummaryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5),
                            rs.getBigDecimal(6), rs.getBigDecimal(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the findings summary", e);
        }
    }

    private static void where(Filter f, StringBuilder sql, List<Object> args) {
        if (f.owner() != null) {
            sql.append(" AND f.owner = ?");
            args.add(f.owner());
        }
        if (f.detector() != null) {
            sql.append(" AND f.detector = ?");
            args.add(f.detector());
        }
        if (f.status() != null) {
            sql.append(" AND f.status = ?");
            args.add(f.status());
        }
        if (f.owners() != null) {
            sql.append(" AND f.owner = ANY (?)");
            args.add(f.owners().toArray(String[]::new));
        }
        if (f.minSavings() != null || f.currency() != null) {
            // A threshold compares within one currency: some currency of the finding reaches it (never a sum across them).
            sql.append(" AND EXISTS (SELECT 1 FROM outlay.finding_saving m WHERE m.tenant_id = f.tenant_id AND m.finding_id = f.id");
            if (f.minSavings() != null) {
                sql.append(" AND m.expected >= ?");
                args.add(f.minSavings());
            }
            if (f.currency() != null) {
                sql.append(" AND m.currency = ?");
                args.add(f.currency());
            }
            sql.append(")");
        }
    }

    /** Stores a first detection with the given status. */
    public void insert(FindingDetection d, String status, Instant at, UUID scanId) {
        update("""
                INSERT INTO outlay.finding (tenant_id, id, resource_id, provider, account_id, region, owner, owner_source, environment, detector,
                  rule_set, rule_version, profile, profile_version, decision_id, profile_decision_id, tier, confidence, action, probable_cause,
                  required_action, risk, evidence, window_start, window_end, status, first_seen, last_seen, last_scan_id, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?,?,?,?,?,?,?)""",
                TenantContext.requireTenant(), d.id(), d.resourceId(), d.provider(), d.accountId(), d.region(), d.owner(), d.ownerSource(),
                d.environment(), d.detector(), d.ruleSet(), d.ruleVersion(), d.profile(), d.profileVersion(), d.decisionId(),
                d.profileDecisionId(), d.tier(), d.confidence(), d.action(), d.probableCause(), d.requiredAction(), d.risk(),
                d.evidenceJson(), date(d.windowStart()), date(d.windowEnd()), status, ts(at), ts(at), scanId, ts(at));
        replaceSavings(d.id(), d.savings());
        if (FindingStatus.OPEN.equals(status)) {
            events.record(new dev.outlay.events.FindingOpenedEvent(d.id(), d.resourceId(), d.provider(), d.detector(), d.owner(),
                    d.environment(), d.risk(), d.decisionId(), d.savings().stream().map(s -> new dev.outlay.events.FindingOpenedEvent.Savings(
                            s.currency(), s.low(), s.expected(), s.high())).toList()));
        }
    }

    /**
     * A re-detection: the facts, versions, decision and savings become the latest ones; status, waiver and action stay
     * as they are (the lifecycle decides those separately).
     */
    public void refresh(FindingDetection d, Instant at, UUID scanId) {
        update("""
                UPDATE outlay.finding SET provider = ?, account_id = ?, region = ?, owner = ?, owner_source = ?, environment = ?,
                  rule_version = ?, profile = ?, profile_version = ?, decision_id = ?, profile_decision_id = ?, tier = ?, confidence = ?,
                  action = ?, probable_cause = ?, required_action = ?, risk = ?, evidence = ?::jsonb, window_start = ?, window_end = ?,
                  last_seen = ?, last_scan_id = ?, updated_at = ?
                WHERE tenant_id = ? AND id = ?""",
                d.provider(), d.accountId(), d.region(), d.owner(), d.ownerSource(), d.environment(), d.ruleVersion(), d.profile(),
                d.profileVersion(), d.decisionId(), d.profileDecisionId(), d.tier(), d.confidence(), d.action(), d.probableCause(),
                d.requiredAction(), d.risk(), d.evidenceJson(), date(d.windowStart()), date(d.windowEnd()), ts(at), scanId, ts(at),
                TenantContext.requireTenant(), d.id());
        replaceSavings(d.id(), d.savings());
    }

    private void replaceSavings(String id, List<SavingsRange> savings) {
        String tenant = TenantContext.requireTenant();
        try (Connection c = TenantConnections.open(dataSource)) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outlay.finding_saving WHERE tenant_id = ? AND finding_id = ?")) {
                ps.setString(1, tenant);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO outlay.finding_saving (tenant_id, finding_id, currency, low, expected, high) VALUES (?,?,?,?,?,?)")) {
                for (SavingsRange s : savings) {
                    ps.setString(1, tenant);
                    ps.setString(2, id);
                    ps.setString(3, s.currency());
                    ps.setBigDecimal(4, s.low());
                    ps.setBigDecimal(5, s.expected());
                    ps.setBigDecimal(6, s.high());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the finding's savings", e);
        }
    }

    /** The columns a status change may set besides the status (all others stay as they are). */
    public record Change(String waiveReason, LocalDate waivedUntil, String closedReason, Instant actionedAt, String actionedBy,
                         Map<String, BigDecimal> actionBaseline, UUID approvalRequestId, String statusBeforeApproval) {

        public static final Change NONE = new Change(null, null, null, null, null, null, null, null);

        public static Change waived(String reason, LocalDate until) {
            return new Change(reason, until, null, null, null, null, null, null);
        }

        public static Change closed(String reason) {
            return new Change(null, null, reason, null, null, null, null, null);
        }

        public static Change actioned(Instant at, String by, Map<String, BigDecimal> baseline) {
            return new Change(null, null, null, at, by, baseline, null, null);
        }

        public static Change pendingApproval(UUID requestId, String before) {
            return new Change(null, null, null, null, null, null, requestId, before);
        }
    }

    /**
     * Moves a finding from {@code from} to {@code to}; false when its status is no longer {@code from}. Waiver and close
     * reason columns always take the change's values (a status that is not waived/closed clears them); the action and
     * approval columns are only written when the change carries them.
     */
    public boolean transition(String id, String from, String to, Change ch, Instant at) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement("""
                UPDATE outlay.finding SET status = ?, waive_reason = ?, waived_until = ?, closed_reason = ?,
                  actioned_at = COALESCE(?, CASE WHEN ? IN ('open', 'accepted', 'reopened') THEN NULL ELSE actioned_at END),
                  actioned_by = COALESCE(?, CASE WHEN ? IN ('open', 'accepted', 'reopened') THEN NULL ELSE actioned_by END),
                  action_baseline = COALESCE(?::jsonb, CASE WHEN ? IN ('open', 'accepted', 'reopened') THEN NULL ELSE action_baseline END),
                  approval_request_id = COALESCE(?, approval_request_id),
                  status_before_approval = CASE WHEN ? = 'pending_approval' THEN ? ELSE NULL END,
                  updated_at = ?
                WHERE tenant_id = ? AND id = ? AND status = ?""")) {
            Object[] args = {to, ch.waiveReason(), date(ch.waivedUntil()), ch.closedReason(), ts(ch.actionedAt()), to, ch.actionedBy(), to,
                    ch.actionBaseline() == null ? null : json(ch.actionBaseline()), to, ch.approvalRequestId(), to,
                    ch.statusBeforeApproval(), ts(at), TenantContext.requireTenant(), id, from};
            bind(ps, 1, args);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not change the finding's status", e);
        }
    }

    public void linkTriage(String id, UUID violationId, String processInstanceId) {
        update("UPDATE outlay.finding SET violation_id = ?, process_instance_id = ? WHERE tenant_id = ? AND id = ?",
                violationId, processInstanceId, TenantContext.requireTenant(), id);
    }

    // ---- history

    public void event(String findingId, String actor, String from, String to, String reason, UUID scanId, Instant at) {
        update("INSERT INTO outlay.finding_event (tenant_id, finding_id, at, actor, from_status, to_status, reason, scan_id) "
                + "VALUES (?,?,?,?,?,?,?,?)", TenantContext.requireTenant(), findingId, ts(at), actor, from, to, reason, scanId);
    }

    public List<FindingEvent> events(String findingId) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT id, at, actor, from_status, to_status, reason, scan_id FROM outlay.finding_event "
                        + "WHERE tenant_id = ? AND finding_id = ? ORDER BY id")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, findingId);
            List<FindingEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FindingEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), (UUID) rs.getObject(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the finding's history", e);
        }
    }

    // ---- scans

    private static final String SCAN_COLUMNS = "id, status, trigger, profile, profile_version, as_of, resources_total, resources_evaluated, "
            + "detected, created, updated, closed, verified, reopened, created_by, started_at, finished_at, problem, detector_counts::text";

    public FindingScan queueScan(UUID id, String trigger, String profile, LocalDate asOf, String actor, Instant at) {
        update("INSERT INTO outlay.finding_scan (id, tenant_id, status, trigger, profile, as_of, created_by, started_at) "
                + "VALUES (?,?,'queued',?,?,?,?,?)", id, TenantContext.requireTenant(), trigger, profile, date(asOf), actor, ts(at));
        return findScan(id).orElseThrow();
    }

    public Optional<FindingScan> findScan(UUID id) {
        return scans("SELECT " + SCAN_COLUMNS + " FROM outlay.finding_scan WHERE tenant_id = ? AND id = ?", id).stream().findFirst();
    }

    /** A queued (or running) scan of the same profile and day, which a second request joins instead of starting another. */
    public Optional<FindingScan> openScan(String profile, LocalDate asOf, boolean running) {
        return scans("SELECT " + SCAN_COLUMNS + " FROM outlay.finding_scan WHERE tenant_id = ? AND profile = ? AND as_of = ? "
                + "AND status IN ('queued', ?) ORDER BY started_at LIMIT 1", profile, date(asOf), running ? "running" : "queued")
                .stream().findFirst();
    }

    void scanRunning(UUID id) {
        update("UPDATE outlay.finding_scan SET status = 'running' WHERE id = ? AND status = 'queued'", id);
    }

    void scanProgress(UUID id, int total, int evaluated) {
        update("UPDATE outlay.finding_scan SET resources_total = ?, resources_evaluated = ? WHERE id = ?", total, evaluated, id);
    }

    void scanSucceeded(UUID id, String profileVersion, int total, FindingScan.Counts n, List<FindingScan.DetectorCounts> detectors) {
        update("UPDATE outlay.finding_scan SET status = 'succeeded', profile_version = ?, resources_total = ?, resources_evaluated = ?, "
                        + "detected = ?, created = ?, updated = ?, closed = ?, verified = ?, reopened = ?, detector_counts = ?::jsonb, "
                        + "finished_at = now() WHERE id = ?",
                profileVersion, total, total, n.detected(), n.created(), n.updated(), n.closed(), n.verified(), n.reopened(),
                FindingUndecidedStore.json(detectors), id);
    }

    /** Fails a scan whose instance died, unless it had already ended. */
    void scanLost(UUID id, String problemJson) {
        update("UPDATE outlay.finding_scan SET status = 'failed', problem = ?, finished_at = now() WHERE id = ? "
                + "AND status IN ('queued', 'running')", problemJson, id);
    }

    void scanFailed(UUID id, String problemJson) {
        update("UPDATE outlay.finding_scan SET status = 'failed', problem = ?, finished_at = now() WHERE id = ?", problemJson, id);
    }

    /** Marks every queued or running scan of the current tenant failed; returns how many. */
    int failUnfinished(String problemJson) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "UPDATE outlay.finding_scan SET status = 'failed', problem = ?, finished_at = now() WHERE tenant_id = ? "
                        + "AND status IN ('queued', 'running') AND NOT EXISTS (SELECT 1 FROM outlay.work_claim w "
                        + "WHERE w.kind = 'finding-scan' AND w.item_id = finding_scan.id)")) {
            ps.setString(1, problemJson);
            ps.setString(2, TenantContext.requireTenant());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<FindingScan> scans(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TenantContext.requireTenant());
            bind(ps, 2, args);
            List<FindingScan> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FindingScan((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getDate(6).toLocalDate(), new FindingScan.Progress((Integer) rs.getObject(7), rs.getInt(8)),
                            new FindingScan.Counts(rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14)),
                            FindingUndecidedStore.counts(rs.getString(19)), rs.getString(15), rs.getTimestamp(16).toInstant(), instant(rs.getTimestamp(17)), rs.getString(18)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read finding scans", e);
        }
    }

    // ---- plumbing

    private List<StoredFinding> query(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TenantContext.requireTenant());
            bind(ps, 2, args);
            List<StoredFinding> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(row(rs, List.of()));
            }
            if (rows.isEmpty()) return rows;
            Map<String, List<SavingsRange>> savings = savings(c, rows.stream().map(StoredFinding::id).toArray(String[]::new));
            List<StoredFinding> out = new ArrayList<>(rows.size());
            for (StoredFinding f : rows) out.add(withSavings(f, savings.getOrDefault(f.id(), List.of())));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read findings", e);
        }
    }

    private static Map<String, List<SavingsRange>> savings(Connection c, String[] ids) throws SQLException {
        Map<String, List<SavingsRange>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT finding_id, currency, low, expected, high FROM outlay.finding_saving "
                + "WHERE tenant_id = ? AND finding_id = ANY (?) ORDER BY finding_id, currency")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setArray(2, c.createArrayOf("text", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new SavingsRange(rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(2)));
                }
            }
        }
        return out;
    }

    private static StoredFinding row(ResultSet rs, List<SavingsRange> savings) throws SQLException {
        return new StoredFinding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                (UUID) rs.getObject(14), (UUID) rs.getObject(15), rs.getString(16), rs.getBigDecimal(17), rs.getString(18),
                rs.getString(19), rs.getString(20), rs.getString(21), savings, rs.getString(22), localDate(rs.getDate(23)),
                localDate(rs.getDate(24)), rs.getString(25), rs.getString(26), localDate(rs.getDate(27)), rs.getString(28),
                instant(rs.getTimestamp(29)), rs.getString(30), (UUID) rs.getObject(31), (UUID) rs.getObject(32), rs.getString(33),
                rs.getTimestamp(34).toInstant(), rs.getTimestamp(35).toInstant(), (UUID) rs.getObject(36), rs.getString(37),
                baseline(rs.getString(38)));
    }

    private static StoredFinding withSavings(StoredFinding f, List<SavingsRange> s) {
        return new StoredFinding(f.id(), f.resourceId(), f.provider(), f.accountId(), f.region(), f.owner(), f.ownerSource(),
                f.environment(), f.detector(), f.ruleSet(), f.ruleVersion(), f.profile(), f.profileVersion(), f.decisionId(),
                f.profileDecisionId(), f.tier(), f.confidence(), f.action(), f.probableCause(), f.requiredAction(), f.risk(), List.copyOf(s),
                f.evidence(), f.windowStart(), f.windowEnd(), f.status(), f.waiveReason(), f.waivedUntil(), f.closedReason(),
                f.actionedAt(), f.actionedBy(), f.approvalRequestId(), f.violationId(), f.processInstanceId(), f.firstSeen(),
                f.lastSeen(), f.lastScanId(), f.statusBeforeApproval(), f.actionBaseline());
    }

    private static Map<String, BigDecimal> baseline(String json) {
        if (json == null) return null;
        try {
            Map<String, String> raw = JSON.readValue(json, new TypeReference<Map<String, String>>() { });
            Map<String, BigDecimal> out = new TreeMap<>();
            raw.forEach((k, v) -> out.put(k, new BigDecimal(v)));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable action baseline", e);
        }
    }

    /** Money in JSON as decimal strings: a double would round it. */
    private static String json(Map<String, BigDecimal> baseline) {
        Map<String, String> raw = new TreeMap<>();
        baseline.forEach((k, v) -> raw.put(k, v.toPlainString()));
        try {
            return JSON.writeValueAsString(raw);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, 1, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write findings: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, int first, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof String[] arr) {
                ps.setArray(first + i, ps.getConnection().createArrayOf("text", arr));
            } else {
                ps.setObject(first + i, a);
            }
        }
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
