/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rule sets, versions and activation history of the current tenant (row-level security scopes every statement). */
@ApplicationScoped
public class RuleSetStore {

    @Inject
    AgroalDataSource dataSource;

    public record Activation(long id, String action, String hash, String previousHash, String actor, Instant at) {
    }

    public List<RuleSetInfo> list() {
        return query("""
                SELECT s.name, s.kind, s.bundled, s.active_hash, s.created_at,
                       (SELECT count(*) FROM outlay.rule_set_version v WHERE v.tenant_id = s.tenant_id AND v.rule_set = s.name)
                FROM outlay.rule_set s WHERE s.tenant_id = ? ORDER BY s.name""", List.of(tenant()), RuleSetStore::info);
    }

    public Optional<RuleSetInfo> find(String name) {
        return query("""
                SELECT s.name, s.kind, s.bundled, s.active_hash, s.created_at,
                       (SELECT count(*) FROM outlay.rule_set_version v WHERE v.tenant_id = s.tenant_id AND v.rule_set = s.name)
                FROM outlay.rule_set s WHERE s.tenant_id = ? AND s.name = ?""", List.of(tenant(), name), RuleSetStore::info)
                .stream().findFirst();
    }

    public void create(String name, RuleKind kind, boolean bundled) {
        update("INSERT INTO outlay.rule_set (tenant_id, name, kind, bundled) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
                tenant(), name, kind.name(), bundled);
    }

    public String scenarios(String name) {
        return query("SELECT scenarios FROM outlay.rule_set WHERE tenant_id = ? AND name = ?", List.of(tenant(), name),
                rs -> rs.getString(1)).stream().findFirst().orElse("[]");
    }

    public void setScenarios(String name, String json) {
        update("UPDATE outlay.rule_set SET scenarios = ? WHERE tenant_id = ? AND name = ?", json, tenant(), name);
    }

    public List<RuleVersion> versions(String ruleSet) {
        return query(VERSION_SQL + " WHERE v.tenant_id = ? AND v.rule_set = ? ORDER BY v.created_at DESC, v.hash",
                List.of(tenant(), ruleSet), rs -> version(rs, false));
    }

    /** A version by full hash or an unambiguous prefix of at least 8 hex digits. */
    public Optional<RuleVersion> version(String ruleSet, String hashOrPrefix) {
        if (hashOrPrefix == null || !hashOrPrefix.matches("[0-9a-f]{8,64}")) return Optional.empty();
        List<RuleVersion> found = query(VERSION_SQL + " WHERE v.tenant_id = ? AND v.rule_set = ? AND v.hash LIKE ? LIMIT 2",
                List.of(tenant(), ruleSet, hashOrPrefix + "%"), rs -> version(rs, true));
        if (found.size() > 1) throw ProblemException.conflict("The hash prefix " + hashOrPrefix + " is ambiguous; give more digits.");
        return found.stream().findFirst();
    }

    public void insertVersion(RuleVersion v) {
        update("""
                INSERT INTO outlay.rule_set_version (tenant_id, rule_set, hash, kind, content, parent_hash, author, created_at, note,
                    engine_version, status, messages) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""",
                tenant(), v.ruleSet(), v.hash(), v.kind().name(), v.content(), v.parentHash(), v.author(),
                Timestamp.from(v.createdAt()), v.note(), v.engineVersion(), v.status(), json(v.messages()));
    }

    /** Serialises pointer moves of one rule set (call inside a transaction). Returns the active hash. */
    public Optional<String> lockAndGetActive(String ruleSet) {
        List<Optional<String>> rows = query("SELECT active_hash FROM outlay.rule_set WHERE tenant_id = ? AND name = ? FOR UPDATE",
                List.of(tenant(), ruleSet), rs -> Optional.ofNullable(rs.getString(1)));
        if (rows.isEmpty()) throw ProblemException.notFound("No rule set named " + ruleSet + ".");
        return rows.get(0);
    }

    public void setActive(String ruleSet, String hash) {
        update("UPDATE outlay.rule_set SET active_hash = ? WHERE tenant_id = ? AND name = ?", hash, tenant(), ruleSet);
    }

    public void setStatus(String ruleSet, String hash, String status) {
        update("UPDATE outlay.rule_set_version SET status = ? WHERE tenant_id = ? AND rule_set = ? AND hash = ?",
                status, tenant(), ruleSet, hash);
    }

    public void appendActivation(String ruleSet, String action, String hash, String previous, String actor) {
        update("INSERT INTO outlay.rule_set_activation (tenant_id, rule_set, action, hash, previous_hash, actor) VALUES (?,?,?,?,?,?)",
                tenant(), ruleSet, action, hash, previous, actor);
    }

    public List<Activation> activations(String ruleSet) {
        return query("SELECT id, action, hash, previous_hash, actor, at FROM outlay.rule_set_activation "
                        + "WHERE tenant_id = ? AND rule_set = ? ORDER BY id", List.of(tenant(), ruleSet),
                rs -> new Activation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()));
    }

    // ---- plumbing ------------------------------------------------------------------------------------------------

    private static final String VERSION_SQL = """
            SELECT v.rule_set, v.hash, v.kind, v.status, (s.active_hash = v.hash), v.parent_hash, v.author, v.created_at, v.note,
                   v.engine_version, v.messages, v.content
            FROM outlay.rule_set_version v JOIN outlay.rule_set s ON s.tenant_id = v.tenant_id AND s.name = v.rule_set""";

    private static RuleVersion version(ResultSet rs, boolean withContent) throws SQLException {
        List<ValidationMessage> messages;
        try {
            messages = CanonicalJson.MAPPER.readValue(rs.getString(11), new TypeReference<List<ValidationMessage>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored messages unreadable", e);
        }
        return new RuleVersion(rs.getString(1), rs.getString(2), RuleKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9),
                rs.getString(10), messages, withContent ? rs.getString(12) : null);
    }

    private static RuleSetInfo info(ResultSet rs) throws SQLException {
        return new RuleSetInfo(rs.getString(1), RuleKind.valueOf(rs.getString(2)), rs.getBoolean(3), rs.getString(4),
                rs.getInt(6), rs.getTimestamp(5).toInstant());
    }

    static String json(Object value) {
        try {
            return CanonicalJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String tenant() {
        return TenantContext.requireTenant();
    }

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    <T> List<T> query(String sql, List<Object> args, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("rule set query failed: " + e.getMessage(), e);
        }
    }

    int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("rule set update failed: " + e.getMessage(), e);
        }
    }
}
