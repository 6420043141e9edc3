/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes domain events into the outbox ({@code outlay.domain_event}) of the current tenant. Callers call it from
 * the transaction of the change the event describes (REQUIRED joins it), so a rolled-back change leaves no event and
 * a committed one is never lost; the publisher sends it later. With {@code outlay.kafka.enabled=false} nothing is
 * written (a single box has no broker, and an outbox nobody drains would only grow).
 */
@ApplicationScoped
public class DomainEvents {

    @Inject
    KafkaConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Whether events are written at all: callers skip the look-ups that only an event needs. */
    public boolean enabled() {
        return config.enabled();
    }

    /** The event's id (the envelope's eventId), or empty when events are off. */
    @Transactional
    public Optional<UUID> record(DomainEvent event) {
        if (!config.enabled()) return Optional.empty();
        List<UUID> ids = recordAll(List.of(event));
        return Optional.of(ids.get(0));
    }

    /** Several events of one change (e.g. a batch of logged decisions) in one statement batch. */
    @Transactional
    public List<UUID> recordAll(List<? extends DomainEvent> events) {
        if (!config.enabled() || events.isEmpty()) return List.of();
        String tenant = TenantContext.requireTenant();
        List<UUID> ids = events.stream().map(e -> UUID.randomUUID()).toList();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outlay.domain_event (id, tenant_id, kind, schema_version, payload) VALUES (?,?,?,?,?::jsonb)")) {
            for (int i = 0; i < events.size(); i++) {
                DomainEvent e = events.get(i);
                ps.setObject(1, ids.get(i));
                ps.setString(2, tenant);
                ps.setString(3, e.kind().wire());
                ps.setInt(4, e.kind().schemaVersion());
                ps.setString(5, json.writeValueAsString(e));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("domain event is not serialisable", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the domain event outbox: " + e.getMessage(), e);
        }
        return ids;
    }
}
