/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The least time any PostgreSQL ledger can spend on the rows of one ingestion: a plain binary COPY of exactly
 * those rows (as Outlay stored them) into a fresh table with no index, no constraint and no row-level security.
 * Outlay's loader does more (staging, the tenant policy, two indexes, the rollup), so its time over this floor
 * is what the loader design costs, and this floor over DuckDB's time is what PostgreSQL itself costs.
 */
final class PostgresFloor {

    /** Where the embedded server of a demo data directory listens: line 4 of its postmaster.pid. */
    static String embeddedUrl(Path dataDir) throws java.io.IOException {
        Path pid = dataDir.resolve("pg").resolve("postmaster.pid");
        if (!Files.isRegularFile(pid)) {
            throw new IllegalStateException("no running embedded PostgreSQL under " + dataDir + " (" + pid + " is missing); pass --pg-url");
        }
        List<String> lines = Files.readAllLines(pid);
        if (lines.size() < 4) throw new IllegalStateException(pid + " has no port line");
        return "jdbc:postgresql://localhost:" + Integer.parseInt(lines.get(3).trim()) + "/outlay";
    }

    /**
     * The embedded server's owner role and its generated password ({@code keys/database.properties} of the data dir):
     * the floor creates its scratch table in schema outlay, which the service's runtime role may not.
     */
    static String[] embeddedOwner(Path dataDir) throws java.io.IOException {
        Path file = dataDir.resolve("keys").resolve("database.properties");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no database passwords under " + dataDir + " (" + file + " is missing); pass --pg-user and --pg-password");
        }
        Properties p = new Properties();
        try (java.io.Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return new String[] {p.getProperty("owner.user"), p.getProperty("owner.password")};
    }

    record Result(long millis, long rows, long bytes) {
    }

    /** Exports the ingestion's rows through the tenant policy, then times their COPY into an unindexed table. */
    static Result measure(String url, String user, String password, String tenant, UUID ingestionId, Path scratch)
            throws Exception {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        Path rowsFile = scratch.resolve("floor-" + ingestionId + ".bin");
        String table = "outlay.bench_floor_" + ingestionId.toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url, p)) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (Statement st = c.createStatement()) {
                st.execute("SELECT set_config('outlay.tenant_id', '" + tenant.replace("'", "''") + "', false)");
            }
            try (OutputStream out = Files.newOutputStream(rowsFile)) {
                copy.copyOut("COPY (SELECT * FROM outlay.ledger_charge WHERE ingestion_id = '" + ingestionId
                        + "') TO STDOUT (FORMAT binary)", out);
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE " + table + " (LIKE outlay.ledger_charge INCLUDING DEFAULTS)");
            }
            try {
                long t0 = System.nanoTime();
                long rows;
                try (InputStream in = Files.newInputStream(rowsFile)) {
                    rows = copy.copyIn("COPY " + table + " FROM STDIN (FORMAT binary)", in, 1 << 20);
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                return new Result(ms, rows, Files.size(rowsFile));
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS " + table);
                } catch (SQLException e) {
                    System.err.println("could not drop " + table + ": " + e.getMessage());
                }
            }
        } finally {
            Files.deleteIfExists(rowsFile);
        }
    }

    private PostgresFloor() {
    }
}
