/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

import dev.outlay.audit.AuditCsv;
import dev.outlay.close.CanonicalJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a pack deterministically, as the close package does: fixed entry order, STORED entries (deflate output
 * depends on the zlib the JVM links), a constant DOS time set with {@code setTimeLocal} (plain {@code setTime} goes
 * through the JVM's time zone), canonical JSON, and nothing minted per generation (no generation time, no request
 * id) in any file. {@code manifest.json} lists every other file with its SHA-256 and size plus the generation
 * inputs; the pack hash is the SHA-256 of the manifest's bytes.
 */
final class PackBuilder {

    static final String FORMAT = "outlay-compliance-pack/1";
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0, 0);

    record ManifestFile(String name, String sha256, long bytes) {
    }

    /** What the pack was generated from: same inputs and same state, same bytes. */
    record Inputs(String tenantId, String from, String to, String serviceVersion, int auditEntriesInWindow, long auditChainEntriesVerified,
                  String isolationReportSha256) {
    }

    record Manifest(String format, Inputs inputs, List<ManifestFile> files) {
    }

    private PackBuilder() {
    }

    static CompliancePack build(PackEvidence e) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PackFiles.CONTROLS, json(ControlCatalog.judge(e)));
        if (e.rbacMatrix() != null) files.put(PackFiles.RBAC_MATRIX, e.rbacMatrix());
        files.put(PackFiles.RLS_COVERAGE, json(e.rls()));
        files.put(PackFiles.ISOLATION_RUN, json(e.isolationRun()));
        files.put(PackFiles.AUDIT_VERIFICATION, json(e.auditVerification()));
        files.put(PackFiles.AUDIT_LOG, AuditCsv.write(e.auditEntries()).getBytes(StandardCharsets.UTF_8));
        files.put(PackFiles.RETENTION, json(e.retention()));
        if (e.retentionPolicy() != null) files.put(PackFiles.RETENTION_POLICY, e.retentionPolicy());
        if (e.slos() != null) files.put(PackFiles.SLOS, e.slos());
        if (e.incidentRunbook() != null) files.put(PackFiles.INCIDENT_RUNBOOK, e.incidentRunbook());

        List<ManifestFile> listed = files.entrySet().stream()
                .map(f -> new ManifestFile(f.getKey(), dev.outlay.close.PackageBuilder.sha256(f.getValue()), f.getValue().length)).toList();
        Inputs inputs = new Inputs(e.tenantId(), e.window().from().toString(), e.window().to().toString(), e.serviceVersion(),
                e.auditEntries().size(), e.auditVerification().entries(), e.isolationRun().reportSha256());
        byte[] manifest = json(new Manifest(FORMAT, inputs, listed));
        String packHash = dev.outlay.close.PackageBuilder.sha256(manifest);

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buf, StandardCharsets.UTF_8)) {
            entry(zip, PackFiles.MANIFEST, manifest);
            entry(zip, PackFiles.PACK_HASH, (packHash + "  " + PackFiles.MANIFEST + "\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> f : files.entrySet()) entry(zip, f.getKey(), f.getValue());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        byte[] bytes = buf.toByteArray();
        return new CompliancePack(bytes, packHash, dev.outlay.close.PackageBuilder.sha256(bytes));
    }

    private static byte[] json(Object v) {
        byte[] b = CanonicalJson.bytes(v);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        out[b.length] = '\n';
        return out;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setTimeLocal(ENTRY_TIME);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
