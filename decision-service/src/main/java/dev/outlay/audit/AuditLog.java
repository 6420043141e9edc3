/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.MDC;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes audit entries in the caller's transaction, so a change and its audit entry commit or roll back together.
 * A per-tenant advisory lock serialises appends so the chain never forks.
 */
@ApplicationScoped
public class AuditLog {

    static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .build();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    dev.outlay.platform.Secrets secrets;

    private volatile AuditAnchors anchors;

    /** The anchor signer, or empty without a secrets key (then the chain is kept but not anchored). */
    Optional<AuditAnchors> anchors() {
        AuditAnchors a = anchors;
        if (a != null) return Optional.of(a);
        Optional<AuditAnchors> made = secrets.configured().map(box -> new AuditAnchors(box.derive("audit-anchor")));
        made.ifPresent(m -> anchors = m);
        return made;
    }

    /** Records a change by the current caller. {@code before}/{@code after} are any JSON-serialisable values. */
    @Transactional(Transactional.TxType.REQUIRED)
    public AuditEntry record(String action, String objectType, String objectId, Object before, Object after) {
        Caller caller = TenantContext.caller().orElseThrow(() -> new IllegalStateException("audit needs a caller"));
        String beforeJson = json(before);
        String afterJson = json(after);
        Object requestId = MDC.get("requestId");
        Object client = MDC.get("client");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('audit:' || ?))")) {
                lock.setString(1, caller.tenantId());
                lock.execute();
            }
            long seq = 1;
            String prev = AuditChain.GENESIS;
            try (PreparedStatement head = c.prepareStatement(
                    "SELECT seq, hash FROM outlay.audit_entry WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1")) {
                head.setString(1, caller.tenantId());
                try (ResultSet rs = head.executeQuery()) {
                    if (rs.next()) {
                        seq = rs.getLong(1) + 1;
                        prev = rs.getString(2);
                    }
                }
            }
            AuditEntry entry = new AuditEntry(seq, at, caller.subject(), action, objectType, objectId, beforeJson, afterJson,
                    requestId == null ? null : requestId.toString(), client == null ? null : client.toString(), prev, null);
            String hash = AuditChain.hashOf(entry);
            try (PreparedStatement ins = c.prepareStatement("""
                    INSERT INTO outlay.audit_entry (tenant_id, seq, at, actor, action, object_type, object_id, before_json,
                        after_json, request_id, client_address, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
                ins.setString(1, caller.tenantId());
                ins.setLong(2, seq);
                ins.setTimestamp(3, Timestamp.from(at));
                ins.setString(4, entry.actor());
                ins.setString(5, action);
                ins.setString(6, objectType);
                ins.setString(7, objectId);
                ins.setString(8, beforeJson);
                ins.setString(9, afterJson);
                ins.setString(10, entry.requestId());
                ins.setString(11, entry.clientAddress());
                ins.setString(12, prev);
                ins.setString(13, hash);
                ins.executeUpdate();
            }
            Optional<AuditAnchors> signer = anchors();
            if (signer.isPresent()) {
                AuditAnchors.Anchor anchor = signer.get().sign(caller.tenantId(), seq, hash, at);
                try (PreparedStatement ins = c.prepareStatement("""
                        INSERT INTO outlay.audit_anchor (tenant_id, seq, head_hash, anchored_at, key_id, mac) VALUES (?,?,?,?,?,?)""")) {
                    ins.setString(1, caller.tenantId());
                    ins.setLong(2, anchor.seq());
                    ins.setString(3, anchor.headHash());
                    ins.setTimestamp(4, Timestamp.from(anchor.anchoredAt()));
                    ins.setString(5, anchor.keyId());
                    ins.setString(6, anchor.mac());
                    ins.executeUpdate();
                }
            }
            return new AuditEntry(seq, at, entry.actor(), action, objectType, objectId, beforeJson, afterJson,
                    entry.requestId(), entry.clientAddress(), prev, hash);
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the audit entry", e);
        }
    }

    /** Entries of the current tenant in chain order, optionally filtered (filters never affect verification). */
    public List<AuditEntry> list(Instant from, Instant to, String actor, String action) {
        StringBuilder sql = new StringBuilder("SELECT seq, at, actor, action, object_type, object_id, before_json, after_json, "
                + "request_id, client_address, prev_hash, hash FROM outlay.audit_entry WHERE tenant_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(TenantContext.requireTenant());
        if (from != null) { sql.append(" AND at >= ?"); args.add(Timestamp.from(from)); }
        if (to != null) { sql.append(" AND at < ?"); args.add(Timestamp.from(to)); }
        if (actor != null) { sql.append(" AND actor = ?"); args.add(actor); }
        if (action != null) { sql.append(" AND action = ?"); args.add(action); }
        sql.append(" ORDER BY seq");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }

    /** Recomputes the chain and checks it against its signed anchors (a truncated or rewritten tail fails). */
    public AuditChain.Verification verify() {
        List<AuditEntry> entries = list(null, null, null, null);
        Optional<AuditAnchors> signer = anchors();
        if (signer.isEmpty()) {
            return AuditChain.verify(entries).withAnchor("off: no secrets key (OUTLAY_SECRETS_KEY), the chain is not anchored", null);
        }
        return signer.get().check(TenantContext.requireTenant(), entries, storedAnchors());
    }

    /**
     * Verifies the chain from its genesis through the last entry before {@code to}, against the anchors up to that
     * entry: what the log looked like when a window ended, so entries appended later (a pack's own audit entry
     * among them) do not change the answer for a closed window.
     */
    public AuditChain.Verification verifyThrough(Instant to) {
        List<AuditEntry> entries = list(null, to, null, null);
        long head = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
        Optional<AuditAnchors> signer = anchors();
        if (signer.isEmpty()) {
            return AuditChain.verify(entries).withAnchor("off: no secrets key (OUTLAY_SECRETS_KEY), the chain is not anchored", null);
        }
        List<AuditAnchors.Anchor> anchors = storedAnchors().stream().filter(a -> a.seq() <= head).toList();
        return signer.get().check(TenantContext.requireTenant(), entries, anchors);
    }

    private List<AuditAnchors.Anchor> storedAnchors() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT seq, head_hash, anchored_at, key_id, mac FROM outlay.audit_anchor WHERE tenant_id = ? ORDER BY seq")) {
            ps.setString(1, TenantContext.requireTenant());
            List<AuditAnchors.Anchor> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditAnchors.Anchor(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit anchors", e);
        }
    }

    static String json(Object value) {
        if (value == null) return null;
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit value is not serialisable", e);
        }
    }
}
