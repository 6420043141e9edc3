/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kie.kogito.auth.IdentityProvider;
import org.kie.kogito.auth.IdentityProviders;
import org.kie.kogito.usertask.UserTaskService;
import org.kie.kogito.usertask.view.UserTaskView;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The month-end close driven in process with explicit identities, below the inbox: preliminary package, finance
 * review with the preparer excluded, re-run, approval to FINAL, then a restated export that produces a proposal (not
 * a change) and, approved, a RESTATED package whose diff holds exactly the restated row; a new allocation rule version
 * after FINAL likewise; and two reconciliation runs over the same data giving packages of the same bytes.
 */
@QuarkusTest
class CloseFlowTest {

    static final String TENANT = "close-flow";
    static final YearMonth MONTH = YearMonth.parse(CloseFixtures.PERIOD);
    static final LocalDate P = MONTH.atDay(1);
    static final IdentityProvider FRAN = IdentityProviders.of("fran", List.of("finance"));
    /** Prepared the close and holds the finance role too: four-eyes still keeps them out of the review. */
    static final IdentityProvider PIA = IdentityProviders.of("pia", List.of("finance", "finops_admin"));

    @Inject
    CloseService close;

    @Inject
    CloseStore db;

    @Inject
    CloseInputsReader reader;

    @Inject
    CloseQueries queries;

    @Inject
    UserTaskService tasks;

    /** The tenant of the running test (JUnit makes one instance per test method). */
    private String tenant = TENANT;

    private <T> T as(String subject, Supplier<T> work) {
        return TenantContext.runAs(new Caller(tenant, subject, Set.of("finance", "finops_admin")),
                () -> QuarkusTransaction.requiringNew().call(work::get));
    }

    private UserTaskView task(IdentityProvider who) {
        return QuarkusTransaction.requiringNew().call(() -> tasks.list(who).stream()
                .filter(t -> CloseProcess.TASK.equals(t.getTaskName()))
                .filter(t -> as("reader", () -> db.periodByProcess((String) t.getMetadata().get("ProcessInstanceId")).isPresent()
                        || db.restatementByProcess((String) t.getMetadata().get("ProcessInstanceId")).isPresent()))
                .findFirst().orElse(null));
    }

    private void transition(String taskId, String transition, Map<String, Object> data, IdentityProvider who) {
        QuarkusTransaction.requiringNew().run(() -> tasks.transition(taskId, transition, data, who));
    }

    private void decide(IdentityProvider who, String decision, String reason) {
        UserTaskView t = task(who);
        assertNotNull(t, "a review task for " + who.getName());
        transition(t.getId(), "claim", Map.of(), who);
        transition(t.getId(), "complete", reason == null ? Map.of("decision", decision) : Map.of("decision", decision, "reason", reason), who);
    }

    @Test
    void closeReviewFinalThenRestatement() throws Exception {
        CloseFixtures.load(TENANT, "loader-1", "focus", "october.csv", CloseFixtures.october());

        CloseRefusedException refused = assertThrows(CloseRefusedException.class,
                () -> TenantContext.runAs(new Caller(TENANT, "pia", Set.of("finops_admin")), () -> close.preliminary(MONTH)));
        assertEquals(CloseRefusedException.Kind.NOT_READY, refused.kind());
        assertEquals(List.of("allocationRun"), refused.missing().stream().map(CloseRefusedException.Missing::where).toList());
        assertTrue(as("pia", () -> db.period(P)).isEmpty(), "a refused close changes nothing");

        CloseFixtures.allocate(TENANT);
        CloseStart started = as("pia", () -> close.preliminary(MONTH));
        assertEquals(CloseService.IN_REVIEW, started.state());
        assertFalse(started.joined());
        assertEquals(1, started.packageVersion());
        CloseStart again = as("pia", () -> close.preliminary(MONTH));
        assertTrue(again.joined(), "a second close of the period joins the first");
        assertEquals(started.processInstanceId(), again.processInstanceId());

        // Same inputs, same bytes: the package read again from the database, and rebuilt from its stored inputs.
        CloseStore.PackageRow v1 = as("pia", () -> db.packages(P)).get(0);
        byte[] stored = as("pia", () -> db.bytes(P, 1)).orElseThrow();
        byte[] fresh = as("pia", () -> PackageBuilder.build(reader.read(MONTH, 1, CloseService.KIND_CLOSE, null))).bytes();
        assertArrayEquals(stored, fresh, "regenerated from the same ledger, allocation run and manifest");
        assertArrayEquals(stored, close.regenerate(v1).bytes(), "regenerated from the stored inputs");
        assertEquals(v1.packageHash(), close.regenerate(v1).packageHash());
        PackageInputs in = CanonicalJson.read(v1.inputs(), PackageInputs.class);
        assertEquals("none", in.reconciliation().status(), "no reconciliation run in this branch: recorded as such");
        assertEquals(3, in.ledgerTotals().size());
        assertNotNull(in.allocation().ruleVersion());

        // Four-eyes: the preparer holds the finance role and is still refused by the task life cycle.
        UserTaskView t = task(FRAN);
        assertNotNull(t);
        assertEquals(Set.of("pia"), t.getExcludedUsers());
        assertEquals(Set.of("finance"), t.getPotentialGroups());
        assertThrows(RuntimeException.class, () -> transition(t.getId(), "claim", Map.of(), PIA));
        assertNull(task(IdentityProviders.of("lee", List.of("leadership"))), "leadership is not the reviewing group");

        decide(FRAN, "rerun", null);
        List<CloseStore.PackageRow> packages = as("pia", () -> db.packages(P));
        assertEquals(List.of("superseded", "in_review"), packages.stream().map(CloseStore.PackageRow::status).toList());
        assertNotNull(task(FRAN), "after a re-run the review starts over");

        decide(FRAN, "approve", null);
        CloseStore.PeriodRow finalRow = as("pia", () -> db.period(P)).orElseThrow();
        assertEquals(CloseService.FINAL, finalRow.state());
        CloseStore.PackageRow v2 = as("pia", () -> db.pkg(finalRow.finalPackageId())).orElseThrow();
        assertEquals(2, v2.version());
        assertEquals("final", v2.status());
        assertEquals("fran", v2.decidedBy());
        byte[] finalBytes = as("pia", () -> db.bytes(P, 2)).orElseThrow();

        // A restated export after FINAL: a proposal, not a change.
        CloseFixtures.load(TENANT, "loader-2", "focus", "october-restated.csv", CloseFixtures.octoberRestatedAcct1());
        Optional<CloseStore.RestatementRow> proposal = Optional.empty();
        for (int i = 0; i < 100 && proposal.isEmpty(); i++) {
            proposal = as("pia", () -> db.openRestatement(P));
            if (proposal.isEmpty()) Thread.sleep(200);
        }
        CloseStore.RestatementRow r = proposal.orElseThrow(() -> new AssertionError("no restatement proposal"));
        CloseStore.PeriodRow still = as("pia", () -> db.period(P)).orElseThrow();
        assertEquals(CloseService.FINAL, still.state(), "the period is not altered");
        assertEquals(finalRow.finalPackageId(), still.finalPackageId());
        assertArrayEquals(finalBytes, as("pia", () -> db.bytes(P, 2)).orElseThrow(), "the final package is not altered");
        assertEquals("loader-2", r.proposedBy());
        assertEquals(v2.id(), r.basePackageId());

        PackageDiff diff = CanonicalJson.read(r.diff(), PackageDiff.class);
        assertEquals(1, diff.ledgerTotals().size(), "exactly the restated row: " + diff.ledgerTotals());
        PackageDiff.LedgerChange c = diff.ledgerTotals().get(0);
        assertEquals(List.of("acct-1", "Storage", "EUR", PackageDiff.CHANGED), List.of(c.billingAccountId(), c.serviceName(), c.currency(), c.change()));
        assertEquals(0, new BigDecimal("40").compareTo(c.effectiveBefore()));
        assertEquals(0, new BigDecimal("43.5").compareTo(c.effectiveAfter()));
        assertEquals(0, new BigDecimal("3.5").compareTo(c.effectiveDelta()));
        assertTrue(diff.allocation().isEmpty());
        assertEquals(1, diff.ingestionsAdded().size());

        // The loader of the restated data is excluded from its review; finance approves it.
        UserTaskView rt = task(FRAN);
        assertEquals(Set.of("loader-2"), rt.getExcludedUsers());
        decide(FRAN, "approve", null);
        CloseStore.PeriodRow restated = as("pia", () -> db.period(P)).orElseThrow();
        assertEquals(CloseService.RESTATED, restated.state());
        CloseStore.PackageRow v3 = as("pia", () -> db.pkg(restated.finalPackageId())).orElseThrow();
        assertEquals(3, v3.version());
        assertEquals("RESTATEMENT", v3.kind());
        assertEquals("restated", v3.status());
        assertEquals(v2.id(), v3.previousId());
        assertNotEquals(v2.packageHash(), v3.packageHash());
        assertArrayEquals(as("pia", () -> db.bytes(P, 3)).orElseThrow(), close.regenerate(v3).bytes());
        assertTrue(entries(as("pia", () -> db.bytes(P, 3)).orElseThrow()).contains("restatement-diff.json"));
        CloseStore.RestatementRow decided = as("pia", () -> db.restatement(r.id())).orElseThrow();
        assertEquals("approved", decided.status());
        assertEquals("fran", decided.decidedBy());

        List<CloseViews.RestatementView> history = as("pia", () -> queries.restatements(MONTH));
        assertEquals(1, history.size());
        assertEquals(2, history.get(0).baseVersion());
        assertEquals(3, history.get(0).candidateVersion());
        String csv = CloseQueries.csv(history);
        assertTrue(csv.contains("ledger-totals,Acme Cloud/acct-1/Storage,EUR,changed,40,43.5,3.5"), csv);

        // Another tenant sees none of it.
        TenantContext.runAs(new Caller("close-flow-other", "x", Set.of("auditor")), () -> QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(db.period(P).isEmpty());
            assertTrue(db.packages(P).isEmpty());
            assertTrue(db.restatements(P).isEmpty());
        }));
    }

    @Test
    void aNewAllocationRuleVersionAfterFinalIsARestatementNotAChange() throws Exception {
        tenant = "close-realloc";
        CloseFixtures.load(tenant, "loader-1", "focus", "october.csv", CloseFixtures.october());
        String firstRun = CloseFixtures.allocate(tenant);
        as("pia", () -> close.preliminary(MONTH));
        decide(FRAN, "approve", null);
        CloseStore.PeriodRow finalRow = as("pia", () -> db.period(P)).orElseThrow();
        assertEquals(CloseService.FINAL, finalRow.state());
        byte[] finalBytes = as("pia", () -> db.bytes(P, 1)).orElseThrow();

        // A changed rule version (storage becomes shared platform cost) re-allocates the closed month.
        String xml;
        try (var in = getClass().getResourceAsStream("/rulesets/allocation/Allocation.dmn")) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String changed = xml.replace("\"Azure Kubernetes Service\",\"Kubernetes Engine\"", "\"Azure Kubernetes Service\",\"Kubernetes Engine\",\"Storage\"");
        assertNotEquals(xml, changed);
        String admin = dev.outlay.support.Tokens.bearer(tenant, "rules-admin", "finops_admin");
        String hash = io.restassured.RestAssured.given().header("Authorization", admin).contentType("application/xml").body(changed)
                .post("/api/v1/rulesets/allocation/versions?note=storage%20is%20platform").then().statusCode(201).extract().path("hash");
        io.restassured.RestAssured.given().header("Authorization", admin).post("/api/v1/rulesets/allocation/versions/" + hash + "/publish")
                .then().statusCode(200);
        String secondRun = CloseFixtures.allocate(tenant);

        CloseStore.RestatementRow r = awaitProposal();
        assertEquals("allocation", r.triggerKind());
        assertEquals(secondRun, r.triggerId().toString());
        assertEquals(tenant + "-alloc", r.proposedBy());
        CloseStore.PeriodRow still = as("pia", () -> db.period(P)).orElseThrow();
        assertEquals(CloseService.FINAL, still.state(), "the period is not altered");
        assertEquals(finalRow.finalPackageId(), still.finalPackageId());
        assertArrayEquals(finalBytes, as("pia", () -> db.bytes(P, 1)).orElseThrow(), "the final package is not altered");

        PackageDiff diff = CanonicalJson.read(r.diff(), PackageDiff.class);
        assertTrue(diff.ledgerTotals().isEmpty(), "the ledger did not change: " + diff.ledgerTotals());
        assertEquals(2, diff.allocation().size(), "exactly the re-allocated owner rows: " + diff.allocation());
        PackageDiff.AllocationChange payments = diff.allocation().stream().filter(c -> c.change().equals(PackageDiff.CHANGED)).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("165").compareTo(payments.totalBefore()), payments.toString());
        assertEquals(0, new BigDecimal("125").compareTo(payments.totalAfter()));
        assertEquals(0, new BigDecimal("-40").compareTo(payments.totalDelta()));
        PackageDiff.AllocationChange platform = diff.allocation().stream().filter(c -> c.change().equals(PackageDiff.ADDED)).findFirst().orElseThrow();
        assertEquals(List.of("platform", "EUR"), List.of(platform.team(), platform.currency()));
        assertEquals(0, new BigDecimal("40").compareTo(platform.totalAfter()));
        assertEquals(firstRun, diff.allocationRun().runBefore());
        assertEquals(secondRun, diff.allocationRun().runAfter());
        assertEquals(hash, diff.allocationRun().ruleVersionAfter());
        assertNotEquals(hash, diff.allocationRun().ruleVersionBefore());

        // Whoever re-allocated is excluded from the review; approved, the period is RESTATED on version 2.
        assertEquals(Set.of(tenant + "-alloc"), task(FRAN).getExcludedUsers());
        decide(FRAN, "approve", null);
        CloseStore.PeriodRow restated = as("pia", () -> db.period(P)).orElseThrow();
        assertEquals(CloseService.RESTATED, restated.state());
        CloseStore.PackageRow v2 = as("pia", () -> db.pkg(restated.finalPackageId())).orElseThrow();
        assertEquals(List.of(2, "RESTATEMENT", "restated"), List.of(v2.version(), v2.kind(), v2.status()));
        PackageInputs in = CanonicalJson.read(v2.inputs(), PackageInputs.class);
        assertEquals(secondRun, in.allocation().runId());
        assertEquals(hash, in.allocation().ruleVersion());
        assertArrayEquals(as("pia", () -> db.bytes(P, 2)).orElseThrow(), close.regenerate(v2).bytes());
        String csv = CloseQueries.csv(as("pia", () -> queries.restatements(MONTH)));
        assertTrue(csv.contains(",allocation,platform/"), csv);
    }

    @Test
    void twoReconciliationRunsOverTheSameDataGiveTheSamePackageBytes() throws Exception {
        tenant = "close-canonical";
        CloseFixtures.load(tenant, "loader-1", "focus", "october.csv", CloseFixtures.october());
        CloseFixtures.allocate(tenant);

        String firstRun = reconcile();
        ClosePackage first = as("pia", () -> PackageBuilder.build(reader.read(MONTH, 1, CloseService.KIND_CLOSE, null)));
        String secondRun = reconcile();
        PackageInputs secondInputs = as("pia", () -> reader.read(MONTH, 1, CloseService.KIND_CLOSE, null));
        ClosePackage second = PackageBuilder.build(secondInputs);

        // The two runs differ in bytes (each evaluation mints its decision ids) though not in figures ...
        List<String> results = as("pia", () -> db.query("SELECT result_sha256 FROM outlay.reconciliation_run ORDER BY created_at",
                rs -> rs.getString(1)));
        assertEquals(2, results.size());
        assertNotEquals(results.get(0), results.get(1), "the stored run results embed their decision ids");
        // ... and the package built on either is the same, to the byte.
        assertEquals(secondRun, secondInputs.reconciliation().runId(), "the second package rests on the second run");
        assertNotEquals(firstRun, secondRun);
        assertArrayEquals(first.bytes(), second.bytes());
        assertEquals(first.packageHash(), second.packageHash());
        String recon = new String(zipEntry(second.bytes(), "reconciliation.json"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(recon.contains("\"ruleVersionHash\"") && recon.contains("\"ruleSet\":\"reconciliation\""), recon);
        assertFalse(recon.contains("DecisionId") || recon.contains(firstRun) || recon.contains(secondRun), recon);
        String rules = new String(zipEntry(second.bytes(), "rule-versions.json"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(rules.contains("\"ruleSet\":\"reconciliation\""), rules);

        // The run (and through it every decision) stays queryable outside the hashed bytes.
        as("pia", () -> close.preliminary(MONTH));
        io.restassured.RestAssured.given().header("Authorization", dev.outlay.support.Tokens.bearer(tenant, "aud", "auditor"))
                .get("/api/v1/close/periods/" + MONTH).then().statusCode(200)
                .body("packages[0].reconciliationRunId", org.hamcrest.Matchers.equalTo(secondRun));
    }

    private String reconcile() {
        return io.restassured.RestAssured.given().header("Authorization", dev.outlay.support.Tokens.bearer(tenant, "fo", "finops_admin"))
                .contentType(io.restassured.http.ContentType.JSON).body(Map.of("period", MONTH.toString()))
                .post("/api/v1/reconciliations?wait=true").then().statusCode(200).extract().path("id");
    }

    private CloseStore.RestatementRow awaitProposal() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Optional<CloseStore.RestatementRow> proposal = as("pia", () -> db.openRestatement(P));
            if (proposal.isPresent()) return proposal.get();
            Thread.sleep(200);
        }
        throw new AssertionError("no restatement proposal");
    }

    private static byte[] zipEntry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) return in.readAllBytes();
            }
        }
        throw new AssertionError("no " + name + " in the package");
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) names.add(e.getName());
        }
        return names;
    }
}
