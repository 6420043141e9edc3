/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the close package zip from {@link PackageInputs}, deterministically: the same inputs give the same bytes.
 * <ul>
 * <li>rows are sorted here (the order the database returned them in does not matter);</li>
 * <li>JSON is {@link CanonicalJson}, CSV is {@link PackageCsv};</li>
 * <li>entries are in a fixed order, STORED (no compression: deflate output depends on the zlib build the JVM links,
 * so a compressed package could change bytes across machines), with a constant DOS timestamp set through
 * {@code setTimeLocal} (plain {@code setTime} converts through the JVM's time zone) and no extra fields;</li>
 * <li>nothing minted per evaluation is in the bytes: the reconciliation is {@link PackageReconciliation} (no run or
 * decision ids), so two reconciliation runs over the same data give the same package;</li>
 * <li>{@code manifest.json} lists every other file with its SHA-256 and size; the package hash is the SHA-256 over
 * the manifest's canonical bytes, so it covers every file, and {@code PACKAGE.sha256} carries it for humans.</li>
 * </ul>
 */
public final class PackageBuilder {

    /** The earliest DOS date; any constant would do, this one says "not a real time" to whoever looks. */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0, 0);

    public record ManifestFile(String name, String sha256, long bytes) {
    }

    public record Manifest(String format, String tenantId, String period, int version, String kind, String previousPackageHash,
                           List<ManifestFile> files) {
    }

    private PackageBuilder() {
    }

    public static ClosePackage build(PackageInputs in) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<PackageInputs.LedgerTotal> totals = new ArrayList<>(in.ledgerTotals());
        totals.sort(Comparator.comparing(PackageInputs.LedgerTotal::key));
        files.put("ledger-totals.json", json(totals));
        PackageCsv lt = new PackageCsv(List.of("provider", "billing_account_id", "service_name", "currency", "billed_cost", "effective_cost", "rows"));
        totals.forEach(t -> lt.row(t.provider(), t.billingAccountId(), t.serviceName(), t.currency(), t.billedCost(), t.effectiveCost(), t.rows()));
        files.put("ledger-totals.csv", lt.bytes());

        PackageInputs.AllocationStatement alloc = in.allocation();
        List<PackageInputs.AllocationLine> lines = new ArrayList<>(alloc == null ? List.of() : alloc.lines());
        lines.sort(Comparator.comparing(PackageInputs.AllocationLine::key));
        files.put("allocation-statement.json", json(alloc == null ? null
                : new PackageInputs.AllocationStatement(alloc.runId(), alloc.ruleVersion(), lines)));
        PackageCsv as = new PackageCsv(List.of("run_id", "rule_version", "team", "product", "environment", "cost_center", "currency",
                "direct_cost", "shared_cost", "total_cost"));
        lines.forEach(l -> as.row(alloc.runId(), alloc.ruleVersion(), l.team(), l.product(), l.environment(), l.costCenter(), l.currency(),
                l.directCost(), l.sharedCost(), l.totalCost()));
        files.put("allocation-statement.csv", as.bytes());

        // Figures and verdicts only: the run and decision ids differ between two runs over the same data.
        files.put("reconciliation.json", json(PackageInputs.FORMAT_1.equals(in.format()) ? in.reconciliation()
                : PackageReconciliation.of(in.reconciliation())));

        List<PackageInputs.IngestionRef> ingestions = new ArrayList<>(in.ingestions());
        ingestions.sort(Comparator.comparing(PackageInputs.IngestionRef::id));
        files.put("ingestions.json", json(ingestions));
        PackageCsv ic = new PackageCsv(List.of("id", "source", "source_kind", "object_key", "checksum", "mapping_version", "mapping_sha256", "rows_loaded"));
        ingestions.forEach(i -> ic.row(i.id(), i.source(), i.sourceKind(), i.objectKey(), i.checksum(), i.mappingVersion(), i.mappingSha256(), i.rowsLoaded()));
        files.put("ingestions.csv", ic.bytes());

        List<PackageInputs.RuleVersion> rules = new ArrayList<>(in.ruleVersions());
        rules.sort(Comparator.comparing(PackageInputs.RuleVersion::ruleSet).thenComparing(PackageInputs.RuleVersion::usedBy));
        files.put("rule-versions.json", json(rules));

        if (in.diff() != null) {
            files.put("restatement-diff.json", json(in.diff()));
            PackageCsv dc = new PackageCsv(List.of("section", "key", "currency", "change", "before", "after", "delta"));
            in.diff().ledgerTotals().forEach(c -> dc.row("ledger-totals", c.provider() + "/" + c.billingAccountId() + "/" + c.serviceName(),
                    c.currency(), c.change(), c.effectiveBefore(), c.effectiveAfter(), c.effectiveDelta()));
            in.diff().allocation().forEach(c -> dc.row("allocation", c.team() + "/" + c.product() + "/" + c.environment() + "/" + c.costCenter(),
                    c.currency(), c.change(), c.totalBefore(), c.totalAfter(), c.totalDelta()));
            in.diff().ingestionsAdded().forEach(i -> dc.row("ingestions", i, null, PackageDiff.ADDED, null, null, null));
            in.diff().ingestionsRemoved().forEach(i -> dc.row("ingestions", i, null, PackageDiff.REMOVED, null, null, null));
            PackageDiff.AllocationRunChange run = in.diff().allocationRun();
            if (run != null) {
                dc.row("allocation-run", run.runAfter(), null, PackageDiff.CHANGED, run.runBefore() + "@" + run.ruleVersionBefore(),
                        run.runAfter() + "@" + run.ruleVersionAfter(), null);
            }
            files.put("restatement-diff.csv", dc.bytes());
        }

        List<ManifestFile> listed = files.entrySet().stream()
                .map(e -> new ManifestFile(e.getKey(), sha256(e.getValue()), e.getValue().length)).toList();
        byte[] manifest = CanonicalJson.bytes(new Manifest(in.format(), in.tenantId(), in.period(), in.version(), in.kind(),
                in.previousPackageHash(), listed));
        String packageHash = sha256(manifest);

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buf, StandardCharsets.UTF_8)) {
            entry(zip, "manifest.json", manifest);
            entry(zip, "PACKAGE.sha256", (packageHash + "  manifest.json\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> e : files.entrySet()) entry(zip, e.getKey(), e.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = buf.toByteArray();
        return new ClosePackage(bytes, packageHash, sha256(bytes), new String(manifest, StandardCharsets.UTF_8));
    }

    private static byte[] json(Object v) {
        byte[] b = CanonicalJson.bytes(v);
        byte[] withNewline = new byte[b.length + 1];
        System.arraycopy(b, 0, withNewline, 0, b.length);
        withNewline[b.length] = '\n';
        return withNewline;
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

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
