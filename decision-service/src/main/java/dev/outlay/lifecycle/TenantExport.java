/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.outlay.audit.AuditChain;
import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes everything the current tenant owns as a zip: one CSV per table, and a manifest with SHA-256 checksums. */
@ApplicationScoped
public class TenantExport {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    dev.outlay.ledger.FocusExporter focus;

    public record FileEntry(String path, long bytes, String sha256) {
    }

    public void write(OutputStream out) throws IOException {
        String tenant = TenantContext.requireTenant();
        AuditChain.Verification chain = audit.verify();
        List<FileEntry> files = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(out); Connection c = dataSource.getConnection()) {
            for (String table : TenantTables.deletionOrder(c)) {
                // Streamed straight into the archive (ledger tables can be large). The tenant id is a validated
                // slug; RLS restricts the rows to it in any case.
                String path = "tables/" + table + ".csv";
                zip.putNextEntry(new ZipEntry(path));
                MessageDigest digest = sha256();
                CountingDigestStream sink = new CountingDigestStream(zip, digest);
                c.unwrap(PGConnection.class).getCopyAPI().copyOut(
                        "COPY (SELECT " + TenantTables.exportColumns(c, table) + " FROM outlay." + table + " WHERE tenant_id = '" + tenant + "') TO STDOUT WITH (FORMAT csv, HEADER)", sink);
                zip.closeEntry();
                files.add(new FileEntry(path, sink.count, HexFormat.of().formatHex(digest.digest())));
            }
            // The ledger again as FOCUS 1.2 CSV per billing period: the portable form another tool can load.
            List<java.time.YearMonth> periods = new ArrayList<>();
            try (java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT DISTINCT billing_period FROM outlay.ledger_charge ORDER BY 1")) {
                while (rs.next()) periods.add(java.time.YearMonth.from(rs.getDate(1).toLocalDate()));
            }
            for (java.time.YearMonth period : periods) {
                String path = "focus/" + period + ".csv";
                zip.putNextEntry(new ZipEntry(path));
                MessageDigest digest = sha256();
                CountingDigestStream sink = new CountingDigestStream(zip, digest);
                java.io.Writer w = new java.io.OutputStreamWriter(sink, java.nio.charset.StandardCharsets.UTF_8);
                focus.write(period, w);
                w.flush();
                zip.closeEntry();
                files.add(new FileEntry(path, sink.count, HexFormat.of().formatHex(digest.digest())));
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("tenant", tenant);
            manifest.put("exportedAt", Instant.now().toString());
            manifest.put("exportedBy", TenantContext.caller().orElseThrow().subject());
            manifest.put("format", "outlay-tenant-export/1");
            manifest.put("auditChain", chain);
            manifest.put("files", files);
            add(zip, "manifest.json", json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest));
        } catch (SQLException e) {
            throw new IllegalStateException("tenant export failed", e);
        }
    }

    private static FileEntry add(ZipOutputStream zip, String path, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(content);
        zip.closeEntry();
        return new FileEntry(path, content.length, HexFormat.of().formatHex(sha256().digest(content)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passes bytes through to the zip entry (never closing it) while hashing and counting them. */
    private static final class CountingDigestStream extends OutputStream {
        private final OutputStream target;
        private final MessageDigest digest;
        long count;

        CountingDigestStream(OutputStream target, MessageDigest digest) {
            this.target = target;
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            digest.update(b, off, len);
            count += len;
        }
    }
}
