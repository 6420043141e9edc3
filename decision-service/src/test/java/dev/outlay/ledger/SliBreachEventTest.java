/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static dev.outlay.ledger.LedgerTestSupport.awaitDone;
import static dev.outlay.ledger.LedgerTestSupport.fixture;
import static dev.outlay.ledger.LedgerTestSupport.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A stale source is announced once per breach episode as an sli_breach event; recovery closes the episode. */
@QuarkusTest
class SliBreachEventTest {

    @ConfigProperty(name = "test.superuser-url")
    String su;

    @Inject
    SliBreaches breaches;

    @Test
    void oneEventPerEpisodeAndNoneForAnotherTenant() throws Exception {
        String t = "sli-breach";
        awaitDone(t, upload(t, "focus", "owners.csv", fixture("allocation/focus-2024-10-owners.csv"), null)).body("status", equalTo("succeeded"));
        assertEquals(List.of(), breaches.check(t).opened(), "a source loaded just now is fresh");

        age(t, "1000 hours");
        assertEquals(List.of("focus"), breaches.check(t).opened());
        assertEquals(new SliBreaches.Checked(List.of(), List.of()), breaches.check(t), "still stale: not announced again");
        assertEquals(1, events(t));
        assertEquals(0, events("sli-breach-other"));
        assertEquals(new SliBreaches.Checked(List.of(), List.of()), breaches.check("sli-breach-other"));

        age(t, "0 hours");
        assertEquals(List.of("focus"), breaches.check(t).resolved());
        age(t, "1000 hours");
        assertEquals(List.of("focus"), breaches.check(t).opened(), "a new episode after recovery is news again");
        assertEquals(2, events(t));
        assertEquals(1, count("SELECT count(*) FROM outlay.sli_breach WHERE tenant_id = ? AND resolved_at IS NULL", t));
        try (Connection c = DriverManager.getConnection(su); PreparedStatement ps = c.prepareStatement(
                "SELECT e.payload->>'summary', e.severity, d.target FROM outlay.action_event e JOIN outlay.action_delivery d ON d.event_id = e.id "
                        + "WHERE e.tenant_id = ? AND e.kind = 'sli_breach' ORDER BY e.created_at LIMIT 1")) {
            ps.setString(1, t);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(true, rs.getString(1).startsWith("Source focus is stale: last loaded 1000 h ago"), rs.getString(1));
                assertEquals("high", rs.getString(2));
                assertEquals("ops", rs.getString(3));
            }
        }
    }

    private void age(String tenant, String interval) throws SQLException {
        try (Connection c = DriverManager.getConnection(su); PreparedStatement ps = c.prepareStatement(
                "UPDATE outlay.ingestion SET finished_at = now() - ?::interval WHERE tenant_id = ? AND status = 'succeeded'")) {
            ps.setString(1, interval);
            ps.setString(2, tenant);
            ps.executeUpdate();
        }
    }

    private long events(String tenant) throws SQLException {
        return count("SELECT count(*) FROM outlay.action_event WHERE tenant_id = ? AND kind = 'sli_breach'", tenant);
    }

    private long count(String sql, String tenant) throws SQLException {
        try (Connection c = DriverManager.getConnection(su); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
