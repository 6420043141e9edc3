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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static dev.outlay.ledger.LedgerTestSupport.awaitDone;
import static dev.outlay.ledger.LedgerTestSupport.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failed ingestion writes one ingestion_failure action event, routed by the tenant's rule set (version 1: ops). */
@QuarkusTest
class IngestionFailureEventTest {

    @ConfigProperty(name = "test.superuser-url")
    String su;

    @Test
    void aFailedLoadEmitsOneRoutedEventNamingTheIngestion() throws Exception {
        String t = "ingest-fail-event";
        String id = upload(t, "focus", "broken.csv", "not,a,focus\nfile".getBytes(StandardCharsets.UTF_8), null);
        awaitDone(t, id).body("status", equalTo("failed"));
        try (Connection c = DriverManager.getConnection(su); PreparedStatement ps = c.prepareStatement("""
                SELECT e.kind, e.severity, e.payload->>'source', e.payload->>'summary', d.channel, d.target, count(*) OVER ()
                FROM outlay.action_event e JOIN outlay.action_delivery d ON d.event_id = e.id
                WHERE e.tenant_id = ? AND e.subject_type = 'ingestion' AND e.subject_id = ?""")) {
            ps.setString(1, t);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "an event and its delivery");
                assertEquals("ingestion_failure", rs.getString(1));
                assertEquals("high", rs.getString(2));
                assertEquals("focus", rs.getString(3));
                assertTrue(rs.getString(4).startsWith("Ingestion of focus (broken.csv) failed"), rs.getString(4));
                assertEquals("webhook", rs.getString(5));
                assertEquals("ops", rs.getString(6));
                assertEquals(1, rs.getLong(7));
            }
        }
    }
}
