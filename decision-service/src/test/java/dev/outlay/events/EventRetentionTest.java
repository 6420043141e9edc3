/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Published events leave the outbox after the window; unpublished ones never do, however old. */
@QuarkusTest
class EventRetentionTest {

    static final String T = "event-retention-" + ProcessHandle.current().pid();

    @Inject
    EventRetention retention;

    @Inject
    TenantRegistry tenants;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void onlyPublishedEventsOlderThanTheWindowAreDeleted() {
        tenants.ensure(T, T, false);
        UUID oldPublished = UUID.randomUUID();
        UUID recentPublished = UUID.randomUUID();
        UUID oldUnpublished = UUID.randomUUID();
        TenantContext.runAs(TenantContext.system(T), () -> QuarkusTransaction.requiringNew().run(() -> {
            insert(oldPublished, "now() - interval '40 days'", "now() - interval '40 days'");
            insert(recentPublished, "now() - interval '40 days'", "now() - interval '2 days'");
            insert(oldUnpublished, "now() - interval '90 days'", "NULL");
        }));
        long deleted = retention.enforce(30);
        assertTrue(deleted >= 1, "at least this tenant's old published event: " + deleted);
        List<UUID> left = TenantContext.runAs(TenantContext.system(T), this::ids);
        assertEquals(List.of(recentPublished, oldUnpublished).stream().sorted().toList(), left.stream().sorted().toList());
        retention.enforce(30);
        assertEquals(left.stream().sorted().toList(), TenantContext.runAs(TenantContext.system(T), this::ids).stream().sorted().toList(),
                "a second pass deletes nothing more of this tenant");
    }

    private void insert(UUID id, String occurred, String published) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outlay.domain_event (id, tenant_id, kind, schema_version, occurred_at, payload, published_at) "
                        + "VALUES (?, ?, 'decision.logged', 1, " + occurred + ", '{}'::jsonb, " + published + ")")) {
            ps.setObject(1, id);
            ps.setString(2, T);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<UUID> ids() {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM outlay.domain_event WHERE tenant_id = ?")) {
            ps.setString(1, T);
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getObject(1, UUID.class));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
