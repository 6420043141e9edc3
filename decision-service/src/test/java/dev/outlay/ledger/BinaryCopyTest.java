/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every binary COPY field encoding, read back by PostgreSQL as the text form would give it. */
@QuarkusTest
class BinaryCopyTest {

    @Inject
    AgroalDataSource ds;

    static final String[] NUMERICS = {
            "0", "0.00", "-0.5", "1", "10000", "100000000", "12345.6789", "9999.9999", "0.0000001", "0.0982390565",
            "-98765432109876543210.123456789", "1524.0951900125", "-0.0000000001", "123456789012345678901234567890",
            "0.1", "1000.0001", "-7", "42.424242424242424242",
            // around the long fast path's bound (unscaled below 2^50) and scales that leave 1-3 padding digits
            "1125899906842.623", "1125899906842.624", "-1125899906842623", "0.000000000000001", "-0.0001", "5.10", "123.456"};

    static final String[] TEXTS = {"", "plain", "Zürich ☃ 東京", "tab\there", "line\nbreak", "back\\slash", "\"quoted\""};

    static final Instant[] INSTANTS = {
            Instant.parse("2024-09-01T00:00:00Z"), Instant.parse("1999-12-31T23:59:59.999999Z"),
            Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2026-11-27T08:46:27.123456Z"), Instant.parse("1970-01-01T00:00:00Z")};

    @Test
    void valuesRoundTripExactly() throws Exception {
        BinaryCopy out = new BinaryCopy(64);
        out.header();
        int rows = Math.max(NUMERICS.length, Math.max(TEXTS.length, INSTANTS.length)) + 1;
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            boolean nulls = i == rows - 1;
            UUID id = UUID.nameUUIDFromBytes(new byte[]{(byte) i});
            ids.add(id);
            out.tuple(9);
            out.int8(i);
            out.uuid(id);
            out.text(nulls ? null : TEXTS[i % TEXTS.length]);
            out.numeric(nulls ? null : new BigDecimal(NUMERICS[i % NUMERICS.length]));
            out.timestamptz(nulls ? null : INSTANTS[i % INSTANTS.length]);
            out.date(nulls ? null : LocalDate.of(1999 + i, 1 + i % 12, 1 + i));
            out.jsonb(CopyEncoder.json(i % 2 == 0 ? Map.of() : Map.of("team", TEXTS[i % TEXTS.length])));
            out.textArray(i % 3 == 0 ? List.of() : List.of("A", TEXTS[i % TEXTS.length]));
            out.numeric(new BigDecimal("1E+5"));
        }
        out.trailer();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS pg_temp.bc");
            st.execute("CREATE TEMP TABLE bc (i int8, u uuid, t text, n numeric, ts timestamptz, d date, j jsonb, a text[], e numeric)");
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bc FROM STDIN (FORMAT binary)");
            in.writeToCopy(out.array(), 0, out.size());
            assertEquals(rows, in.endCopy());
            try (ResultSet rs = st.executeQuery("SELECT i, u, t, n::text, extract(epoch FROM ts)::numeric * 1000000, d, j->>'team', "
                    + "a, e::text, j::text FROM bc ORDER BY i")) {
                for (int i = 0; i < rows; i++) {
                    assertTrue(rs.next());
                    boolean nulls = i == rows - 1;
                    assertEquals(i, rs.getLong(1));
                    assertEquals(ids.get(i), rs.getObject(2, UUID.class));
                    assertEquals(nulls ? null : TEXTS[i % TEXTS.length], rs.getString(3), "text " + i);
                    assertEquals(nulls ? null : NUMERICS[i % NUMERICS.length], rs.getString(4), "numeric " + i);
                    if (nulls) {
                        assertEquals(null, rs.getBigDecimal(5));
                        assertEquals(null, rs.getDate(6));
                    } else {
                        Instant at = INSTANTS[i % INSTANTS.length];
                        BigDecimal micros = BigDecimal.valueOf(at.getEpochSecond()).movePointRight(6).add(BigDecimal.valueOf(at.getNano() / 1000));
                        assertEquals(0, micros.compareTo(rs.getBigDecimal(5)), "timestamptz " + i);
                        assertEquals(LocalDate.of(1999 + i, 1 + i % 12, 1 + i), rs.getDate(6).toLocalDate());
                    }
                    assertEquals(i % 2 == 0 ? null : TEXTS[i % TEXTS.length], rs.getString(7), "jsonb " + i);
                    Object[] arr = (Object[]) rs.getArray(8).getArray();
                    assertEquals(i % 3 == 0 ? List.of() : List.of("A", TEXTS[i % TEXTS.length]), List.of(arr));
                    assertEquals("100000", rs.getString(9));
                }
                assertFalse(rs.next());
            }
        }
    }
}
