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
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes an event and its routed delivery into the outbox. MANDATORY: it must join the transaction of the change
 * that caused the event, so the change and its notification commit or roll back together. A delivery whose
 * connection does not exist yet is kept as {@code held} (nothing is lost; creating the connection releases it).
 */
@ApplicationScoped
public class ActionOutbox {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    NotificationRouting routing;

    @Inject
    IntegrationStore integrations;

    @Inject
    ObjectMapper json;

    /** The event's id, and the delivery's when the routing sends it somewhere. */
    public record Emitted(UUID eventId, Route route, Optional<UUID> deliveryId) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Emitted emit(ActionEvent e) {
        String tenant = TenantContext.requireTenant();
        Route route = routing.route(e);
        UUID eventId = UUID.randomUUID();
        String payload;
        try {
            payload = json.writeValueAsString(e.payload());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event payload is not serialisable", ex);
        }
        try (Connection c = TenantConnections.open(dataSource)) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outlay.action_event (id, tenant_id, kind, subject_type, subject_id, severity, owner, environment, amount,
                        currency, payload, routing_version, routing_decision_id) VALUES (?,?,?,?,?,?,?,?,?,?,?::jsonb,?,?)""")) {
                Object[] args = {eventId, tenant, e.kind().label(), e.subjectType(), e.subjectId(), e.severity(), e.owner(), e.environment(),
                        e.amount(), e.currency(), payload, route.versionHash(), route.decisionId()};
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                ps.executeUpdate();
            }
            if (!route.sends()) return new Emitted(eventId, route, Optional.empty());
            UUID deliveryId = UUID.randomUUID();
            boolean known = integrations.findByName(route.channel(), route.target()).isPresent();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outlay.action_delivery (id, tenant_id, event_id, channel, target, idempotency_key, status, last_error)
                    VALUES (?,?,?,?,?,?,?,?)""")) {
                ps.setObject(1, deliveryId);
                ps.setString(2, tenant);
                ps.setObject(3, eventId);
                ps.setString(4, route.channel());
                ps.setString(5, route.target());
                ps.setString(6, "outlay-" + deliveryId);
                ps.setString(7, known ? DeliveryStatus.PENDING : DeliveryStatus.HELD);
                ps.setString(8, known ? null : IntegrationStore.missing(route.channel(), route.target()));
                ps.executeUpdate();
            }
            return new Emitted(eventId, route, Optional.of(deliveryId));
        } catch (SQLException ex) {
            throw new IllegalStateException("could not write the action outbox: " + ex.getMessage(), ex);
        }
    }
}
