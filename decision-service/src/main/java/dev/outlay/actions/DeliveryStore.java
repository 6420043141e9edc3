/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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
import java.util.Optional;
import java.util.UUID;

/** The outbox's deliveries and attempts, of the current tenant (row-level secured). */
@ApplicationScoped
public class DeliveryStore {

    private static final String VIEW = """
            SELECT d.id, d.event_id, e.kind, e.subject_type, e.subject_id, d.channel, d.target, d.idempotency_key, d.status, d.attempts,
                   d.next_attempt_at, d.last_status, d.last_error, d.delivered_at, d.created_at, e.routing_decision_id, d.external_ref
            FROM outlay.action_delivery d JOIN outlay.action_event e ON e.id = d.event_id""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * Claims due deliveries in one statement: pending ones whose time has come and sending ones whose lease ran out
     * (their worker died between send and completion). SKIP LOCKED keeps two workers off the same row.
     */
    public List<Claimed> claim(int limit, java.time.Duration lease) {
        String sql = """
                WITH due AS (
                    SELECT id, status AS was FROM outlay.action_delivery
                    WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until < now())
                    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                UPDATE outlay.action_delivery d SET status = 'sending', attempts = d.attempts + 1,
                       lease_until = now() + make_interval(secs => ?)
                FROM due WHERE d.id = due.id
                RETURNING d.id, d.event_id, d.channel, d.target, d.idempotency_key, d.attempts, due.was""";
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            ps.setDouble(2, lease.toMillis() / 1000.0);
            List<Claimed> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), DeliveryStatus.SENDING.equals(rs.getString(7))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim deliveries: " + e.getMessage(), e);
        }
    }

    /** The receiver-facing JSON of the event: built from the stored row, so every attempt sends the same bytes. */
    public String body(UUID deliveryId) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("""
                     SELECT e.id, d.id, e.kind, e.subject_type, e.subject_id, e.severity, e.owner, e.environment, e.amount, e.currency,
                            e.payload::text, e.routing_version, e.created_at
                     FROM outlay.action_delivery d JOIN outlay.action_event e ON e.id = d.event_id WHERE d.id = ?""")) {
            ps.setObject(1, deliveryId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("delivery " + deliveryId + " is gone");
                java.math.BigDecimal amount = rs.getBigDecimal(9);
                EventBody b = new EventBody("outlay.action_event", rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        new EventBody.Subject(rs.getString(4), rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        amount == null ? null : new EventBody.Money(amount.toPlainString(), rs.getString(10)), json.readTree(rs.getString(11)),
                        rs.getString(12), rs.getTimestamp(13).toInstant());
                return json.writeValueAsString(b);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not build the event body", e);
        }
    }

    /** The event JSON receivers get; amounts as decimal strings so no float ever touches them. */
    public record EventBody(String type, UUID eventId, UUID deliveryId, String kind, Subject subject, String severity, String owner,
                            String environment, Money amount, com.fasterxml.jackson.databind.JsonNode payload, String routingVersion, Instant createdAt) {
        public record Subject(String type, String id) {
        }

        public record Money(String value, String currency) {
        }
    }

    /** Records the attempt and the delivery's new state, only if this worker still holds it. */
    @Transactional
    public boolean complete(Claimed d, String status, SendResult r, Instant nextAttempt, String outcome) {
        int n = update("""
                UPDATE outlay.action_delivery SET status = ?, lease_until = NULL, last_status = ?, last_error = ?,
                       external_ref = COALESCE(?, external_ref),
                       next_attempt_at = COALESCE(?, next_attempt_at),
                       delivered_at = CASE WHEN ? = 'delivered' THEN now() ELSE delivered_at END
                WHERE id = ? AND status = 'sending'""",
                status, r.status(), r.error(), r.externalRef(), nextAttempt == null ? null : Timestamp.from(nextAttempt), status, d.id());
        if (n == 1) attempt(d.id(), d.attempt(), outcome, r.status(), r.error());
        return n == 1;
    }

    public void attempt(UUID deliveryId, int attempt, String outcome, Integer status, String error) {
        update("INSERT INTO outlay.action_attempt (tenant_id, delivery_id, attempt, outcome, status_code, error) VALUES (?,?,?,?,?,?)",
                TenantContext.requireTenant(), deliveryId, attempt, outcome, status, error);
    }

    public List<Delivery> list(String status, String channel, int limit) {
        StringBuilder sql = new StringBuilder(VIEW).append(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" AND d.status = ?");
            args.add(status);
        }
        if (channel != null) {
            sql.append(" AND d.channel = ?");
            args.add(channel);
        }
        sql.append(" ORDER BY d.created_at DESC, d.id LIMIT ?");
        args.add(limit);
        return query(sql.toString(), args.toArray());
    }

    public Optional<Delivery> find(UUID id) {
        return query(VIEW + " WHERE d.id = ?", id).stream().findFirst();
    }

    /** Delivered messages about a subject on one channel that the receiver named (Slack: channel:ts), oldest first. */
    public List<Delivery> postedAbout(String subjectType, String subjectId, String channel) {
        return query(VIEW + " WHERE e.subject_type = ? AND e.subject_id = ? AND d.channel = ? AND d.status = 'delivered' "
                + "AND d.external_ref IS NOT NULL ORDER BY d.created_at", subjectType, subjectId, channel);
    }

    public List<Delivery> forEvent(UUID eventId) {
        return query(VIEW + " WHERE d.event_id = ? ORDER BY d.created_at", eventId);
    }

    /** Makes a dead or held delivery due now with a fresh attempt budget; its key stays, so receivers still dedupe. */
    public boolean requeue(UUID id) {
        return update("UPDATE outlay.action_delivery SET status = 'pending', attempts = 0, next_attempt_at = now() "
                + "WHERE id = ? AND status IN ('dead', 'held')", id) == 1;
    }

    private List<Delivery> query(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource)) {
            Map<UUID, Delivery> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        out.put(id, new Delivery(id, rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), instant(rs.getTimestamp(11)),
                                (Integer) rs.getObject(12), rs.getString(13), instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)),
                                rs.getObject(16, UUID.class), rs.getString(17), new ArrayList<>()));
                    }
                }
            }
            if (out.isEmpty()) return List.of();
            try (PreparedStatement ps = c.prepareStatement("SELECT delivery_id, attempt, outcome, status_code, error, at FROM outlay.action_attempt "
                    + "WHERE delivery_id = ANY (?) ORDER BY id")) {
                ps.setArray(1, c.createArrayOf("uuid", out.keySet().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.get(rs.getObject(1, UUID.class)).attemptLog().add(new Delivery.Attempt(rs.getInt(2), rs.getString(3),
                                (Integer) rs.getObject(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
                    }
                }
            }
            return List.copyOf(out.values());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read deliveries", e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write deliveries: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
