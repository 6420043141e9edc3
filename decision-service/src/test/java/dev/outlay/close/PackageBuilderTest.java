/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The package is a pure function of its inputs: same inputs, same bytes, whatever order the rows came in. */
class PackageBuilderTest {

    static PackageInputs inputs(List<PackageInputs.LedgerTotal> totals) {
        return new PackageInputs(PackageInputs.FORMAT, "acme", "2024-10", 1, "CLOSE", null, totals,
                new PackageInputs.AllocationStatement("run-1", "hash-a", List.of(
                        new PackageInputs.AllocationLine("payments", "shop", "prod", "CC-1", "EUR", new BigDecimal("150.6234567890"),
                                BigDecimal.ZERO, new BigDecimal("150.6234567890")),
                        new PackageInputs.AllocationLine("web", "web", "prod", "CC-1", "EUR", new BigDecimal("28.89"), BigDecimal.ZERO,
                                new BigDecimal("28.89")))),
                new PackageInputs.Reconciliation("none", null, "no reconciliation run for 2024-10", null),
                List.of(new PackageInputs.IngestionRef("b-2", "focus", "focus", "late-credit.csv", "cc", "focus-1.2/1", null, 1),
                        new PackageInputs.IngestionRef("a-1", "focus", "focus", "october.csv", "aa", "focus-1.2/1", null, 8)),
                List.of(new PackageInputs.RuleVersion("allocation", "hash-a", "allocation-run:run-1")), null);
    }

    static List<PackageInputs.LedgerTotal> totals() {
        return List.of(
                new PackageInputs.LedgerTotal("Acme Cloud", "acct-1", "VM", "EUR", new BigDecimal("179.5134567890"), new BigDecimal("179.5134567890"), 5),
                new PackageInputs.LedgerTotal("Acme Cloud", "acct-1", "Storage", "EUR", new BigDecimal("12.00"), new BigDecimal("12.00"), 2),
                new PackageInputs.LedgerTotal("Acme Cloud", "acct-2", "VM", "USD", new BigDecimal("7.5"), new BigDecimal("7.5"), 1));
    }

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                assertEquals(PackageBuilder.ENTRY_TIME, e.getTimeLocal(), e.getName() + " has the constant time");
                assertEquals(ZipEntry.STORED, e.getMethod());
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    @Test
    void sameInputsGiveTheSameBytesWhateverTheRowOrder() {
        ClosePackage a = PackageBuilder.build(inputs(totals()));
        List<PackageInputs.LedgerTotal> shuffled = new ArrayList<>(totals());
        Collections.reverse(shuffled);
        PackageInputs in = inputs(shuffled);
        ClosePackage b = PackageBuilder.build(new PackageInputs(in.format(), in.tenantId(), in.period(), in.version(), in.kind(), null,
                in.ledgerTotals(), new PackageInputs.AllocationStatement("run-1", "hash-a",
                        List.of(in.allocation().lines().get(1), in.allocation().lines().get(0))),
                in.reconciliation(), List.of(in.ingestions().get(1), in.ingestions().get(0)), in.ruleVersions(), null));
        assertArrayEquals(a.bytes(), b.bytes());
        assertEquals(a.packageHash(), b.packageHash());
        assertEquals(a.zipSha256(), PackageBuilder.sha256(a.bytes()));
    }

    @Test
    void storedInputsRegenerateTheSameBytes() {
        ClosePackage a = PackageBuilder.build(inputs(totals()));
        String stored = CanonicalJson.string(inputs(totals()));
        ClosePackage again = PackageBuilder.build(CanonicalJson.read(stored, PackageInputs.class));
        assertArrayEquals(a.bytes(), again.bytes(), "what is stored with the package is enough to rebuild it byte for byte");
    }

    @Test
    void oneAmountOneSpellingAndADifferentAmountADifferentHash() {
        List<PackageInputs.LedgerTotal> t = new ArrayList<>(totals());
        t.set(1, new PackageInputs.LedgerTotal("Acme Cloud", "acct-1", "Storage", "EUR", new BigDecimal("12.0000"), new BigDecimal("12"), 2));
        assertEquals(PackageBuilder.build(inputs(totals())).packageHash(), PackageBuilder.build(inputs(t)).packageHash());
        t.set(1, new PackageInputs.LedgerTotal("Acme Cloud", "acct-1", "Storage", "EUR", new BigDecimal("12.01"), new BigDecimal("12"), 2));
        assertNotEquals(PackageBuilder.build(inputs(totals())).packageHash(), PackageBuilder.build(inputs(t)).packageHash());
    }

    @Test
    void manifestCoversEveryFileAndThePackageHashCoversTheManifest() throws IOException {
        ClosePackage p = PackageBuilder.build(inputs(totals()));
        Map<String, byte[]> files = entries(p.bytes());
        assertEquals(List.of("manifest.json", "PACKAGE.sha256", "ledger-totals.json", "ledger-totals.csv", "allocation-statement.json",
                "allocation-statement.csv", "reconciliation.json", "ingestions.json", "ingestions.csv", "rule-versions.json"),
                List.copyOf(files.keySet()), "fixed entry order");
        assertEquals(p.packageHash(), PackageBuilder.sha256(files.get("manifest.json")));
        assertEquals(p.packageHash() + "  manifest.json\n", new String(files.get("PACKAGE.sha256"), StandardCharsets.UTF_8));
        PackageBuilder.Manifest m = CanonicalJson.read(new String(files.get("manifest.json"), StandardCharsets.UTF_8), PackageBuilder.Manifest.class);
        assertEquals(8, m.files().size());
        for (PackageBuilder.ManifestFile f : m.files()) {
            assertEquals(f.sha256(), PackageBuilder.sha256(files.get(f.name())), f.name());
            assertEquals(f.bytes(), files.get(f.name()).length);
        }
        String csv = new String(files.get("ledger-totals.csv"), StandardCharsets.UTF_8);
        assertEquals("""
                provider,billing_account_id,service_name,currency,billed_cost,effective_cost,rows
                Acme Cloud,acct-1,Storage,EUR,12,12,2
                Acme Cloud,acct-1,VM,EUR,179.513456789,179.513456789,5
                Acme Cloud,acct-2,VM,USD,7.5,7.5,1
                """, csv, "sorted rows, one currency per row, canonical decimals");
        assertTrue(new String(files.get("reconciliation.json"), StandardCharsets.UTF_8).contains("no reconciliation run"));
    }

    @Test
    void diffListsExactlyTheRestatedRows() {
        PackageInputs before = inputs(totals());
        List<PackageInputs.LedgerTotal> t = new ArrayList<>(totals());
        t.set(0, new PackageInputs.LedgerTotal("Acme Cloud", "acct-1", "VM", "EUR", new BigDecimal("170.00"), new BigDecimal("170.00"), 6));
        t.add(new PackageInputs.LedgerTotal("Acme Cloud", "acct-3", "DNS", "EUR", new BigDecimal("1.00"), new BigDecimal("1.00"), 1));
        PackageInputs after = inputs(t);
        PackageDiff d = PackageDiff.between(before, "base", after);
        assertEquals(2, d.ledgerTotals().size(), d.toString());
        PackageDiff.LedgerChange vm = d.ledgerTotals().stream().filter(c -> c.serviceName().equals("VM") && c.currency().equals("EUR")).findFirst().orElseThrow();
        assertEquals(PackageDiff.CHANGED, vm.change());
        assertEquals(0, new BigDecimal("-9.513456789").compareTo(vm.effectiveDelta()));
        PackageDiff.LedgerChange dns = d.ledgerTotals().stream().filter(c -> c.serviceName().equals("DNS")).findFirst().orElseThrow();
        assertEquals(PackageDiff.ADDED, dns.change());
        assertTrue(d.allocation().isEmpty());
        assertTrue(PackageDiff.between(before, "base", inputs(totals())).empty());
    }
    @Test
    void theReconciliationIsStatedWithoutRunOrDecisionIdsAndAFormatOnePackageIsRebuiltAsStored() throws IOException {
        String result = "{\"ruleSet\":\"reconciliation\",\"ruleVersionHash\":\"h1\",\"checks\":[{\"kind\":\"completeness\","
                + "\"breach\":false,\"toleranceDecisionId\":\"%s\",\"outcomeDecisionId\":\"%s\"}],\"summary\":{\"status\":\"passed\"}}";
        PackageInputs base = inputs(totals());
        java.util.function.BiFunction<String, String, PackageInputs> withRun = (format, runId) -> new PackageInputs(format, base.tenantId(),
                base.period(), 1, "CLOSE", null, base.ledgerTotals(), base.allocation(), new PackageInputs.Reconciliation("passed", runId, null,
                CanonicalJson.tree(String.format(result, java.util.UUID.randomUUID(), java.util.UUID.randomUUID()))),
                base.ingestions(), base.ruleVersions(), null);
        ClosePackage first = PackageBuilder.build(withRun.apply(PackageInputs.FORMAT, "run-1"));
        ClosePackage second = PackageBuilder.build(withRun.apply(PackageInputs.FORMAT, "run-2"));
        assertArrayEquals(first.bytes(), second.bytes(), "two runs over the same data, one package");
        String recon = new String(entries(first.bytes()).get("reconciliation.json"), StandardCharsets.UTF_8);
        assertEquals("{\"note\":null,\"result\":{\"checks\":[{\"breach\":false,\"kind\":\"completeness\"}],\"ruleSet\":\"reconciliation\","
                + "\"ruleVersionHash\":\"h1\",\"summary\":{\"status\":\"passed\"}},\"status\":\"passed\"}\n", recon);

        PackageInputs stored = withRun.apply(PackageInputs.FORMAT_1, "run-1");
        String old = new String(entries(PackageBuilder.build(stored).bytes()).get("reconciliation.json"), StandardCharsets.UTF_8);
        assertTrue(old.contains("\"runId\":\"run-1\"") && old.contains("toleranceDecisionId"), old);
        assertArrayEquals(PackageBuilder.build(stored).bytes(), PackageBuilder.build(stored).bytes());
    }
}
