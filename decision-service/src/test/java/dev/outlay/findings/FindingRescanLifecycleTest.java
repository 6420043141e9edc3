/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a rescan does to findings people have already acted on, over a real ledger (February 2026, loaded through
 * ingestion) and scan outcomes applied by the reconciler as a scan applies them: an actioned finding whose cost fell
 * by at least its low saving is verified, one whose cost fell by less is reopened after the grace, one inside the
 * grace stays actioned, one whose resource is gone is verified; a waiver past its last day is reopened, one on its
 * last day holds; an open finding whose resource is neither listed nor billed is closed with the reason; a
 * re-detection under another id updates the one row.
 */
@QuarkusTest
class FindingRescanLifecycleTest {

    static final String T = "findings-rescan";
    static final LocalDate AS_OF = LocalDate.of(2026, 2, 28);
    static final Instant ACTION = LocalDate.of(2026, 2, 10).atTime(12, 0).toInstant(ZoneOffset.UTC);

    @Inject
    FindingStore store;

    @Inject
    FindingReconciler reconciler;

    @Inject
    TenantRegistry tenants;

    static String finops() {
        return bearer(T, "fo", "finops_admin");
    }

    /** 1.00 USD a day to the 10th, then {@code after} a day (the action took effect the next day). */
    private static void days(StringBuilder sb, String resource, String after) {
        for (int i = 0; i < 28; i++) {
            LocalDate d = LocalDate.of(2026, 2, 1).plusDays(i);
            FindingScanTest.row(sb, d, d.getDayOfMonth() <= 10 ? "1.00" : after, "16", "GB-Mo", resource, "Storage", "EBS", "payments");
        }
    }

    private void loadLedger() throws InterruptedException {
        StringBuilder sb = new StringBuilder(FindingScanTest.FOCUS_HEADER);
        days(sb, "vol-r-drop", "0.10");
        days(sb, "vol-r-small", "0.80");
        days(sb, "vol-r-recent", "1.00");
        days(sb, "vol-r-waived-old", "1.00");
        days(sb, "vol-r-waived-new", "1.00");
        FindingScanTest.ingest(finops(), "rescan-ledger.csv", sb.toString());
    }

    /** A low saving of 20 USD a month: a verified action must cut at least 20 / 30.4375 = 0.657084 USD a day. */
    static FindingDetection detection(String resource) {
        return FindingLifecycleTest.detection(resource, "waste.ebs.unattached", "payments", "low", "DELETE", "dev",
                List.of(new SavingsRange(new BigDecimal("20"), new BigDecimal("25"), new BigDecimal("30"), "USD")));
    }

    private void stored(FindingDetection d, String status, FindingStore.Change change) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TenantContext.runAs(TenantContext.system(T), () -> {
            store.insert(d, FindingStatus.OPEN, now, null);
            if (!status.equals(FindingStatus.OPEN)) {
                if (!store.transition(d.id(), FindingStatus.OPEN, status, change, now)) throw new IllegalStateException(d.id());
            }
        });
    }

    private static FindingStore.Change actioned(Instant at) {
        return FindingStore.Change.actioned(at, "pat", Map.of("USD", new BigDecimal("1.000000")));
    }

    private FindingScan.Counts scan(List<FindingDetection> detected, Set<String> scanned, Map<String, Instant> absent) {
        return TenantContext.runAs(TenantContext.system(T), () -> {
            UUID id = UUID.randomUUID();
            store.queueScan(id, "request", "conservative", AS_OF, "test", Instant.now().truncatedTo(ChronoUnit.MICROS));
            return reconciler.apply(new FindingReconciler.Outcome(id, "conservative", "p-test", AS_OF, scanned.size(), detected, List.of(),
                    scanned, absent, Map.of("waste-rightsizing", "v-test")));
        });
    }

    private static io.restassured.response.ValidatableResponse finding(String id) {
        return given().header("Authorization", finops()).get("/api/v1/findings/" + id).then().statusCode(200);
    }

    @Test
    void aRescanVerifiesReopensAndClosesByTheRules() throws Exception {
        tenants.ensure(T, T, false);
        loadLedger();
        FindingDetection drop = detection("vol-r-drop"), small = detection("vol-r-small"), recent = detection("vol-r-recent"),
                gone = detection("vol-r-gone"), waivedOld = detection("vol-r-waived-old"), waivedNew = detection("vol-r-waived-new"),
                openGone = detection("vol-r-open-gone");
        stored(drop, FindingStatus.ACTIONED, actioned(ACTION));
        stored(small, FindingStatus.ACTIONED, actioned(ACTION));
        stored(recent, FindingStatus.ACTIONED, actioned(LocalDate.of(2026, 2, 25).atTime(9, 0).toInstant(ZoneOffset.UTC)));
        stored(gone, FindingStatus.ACTIONED, actioned(ACTION));
        stored(waivedOld, FindingStatus.WAIVED, FindingStore.Change.waived("kept for the migration", LocalDate.of(2026, 2, 20)));
        stored(waivedNew, FindingStatus.WAIVED, FindingStore.Change.waived("kept for the migration", AS_OF));
        stored(openGone, FindingStatus.OPEN, FindingStore.Change.NONE);

        // the same resource and detector detected under another id, with new savings: the stored row is updated
        FindingDetection smallAgain = new FindingDetection("fnd_other_id", small.resourceId(), small.provider(), small.accountId(),
                small.region(), small.owner(), small.ownerSource(), small.environment(), small.detector(), small.ruleSet(), "v-test-2",
                small.profile(), small.profileVersion(), UUID.randomUUID(), small.profileDecisionId(), small.tier(), small.confidence(),
                small.action(), small.probableCause(), small.requiredAction(), small.risk(),
                List.of(new SavingsRange(new BigDecimal("4"), new BigDecimal("5"), new BigDecimal("6"), "USD")), small.evidenceJson(),
                small.windowStart(), small.windowEnd());
        // a scan reads every billed resource
        Set<String> billed = Set.of(drop.resourceId(), small.resourceId(), recent.resourceId(), waivedOld.resourceId(), waivedNew.resourceId());
        FindingScan.Counts counts = scan(List.of(smallAgain, recent, waivedOld, waivedNew), billed,
                Map.of(gone.resourceId(), AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant()));

        // 1.00 → 0.10 a day: a drop of 0.90 ≥ 0.657084 over Feb 22..28
        finding(drop.id()).body("finding.status", equalTo("verified"))
                .body("events[-1].reason", containsString("USD 1.000000/day before, 0.100000/day over 2026-02-22..2026-02-28"));
        // 1.00 → 0.80: 0.20 is short of 0.657084, and 18 days > the 7-day grace
        finding(small.id()).body("finding.status", equalTo("reopened"))
                .body("events[-1].reason", containsString("cost did not drop"))
                .body("events[-1].reason", containsString("needed 0.657084"))
                .body("finding.ruleVersion", equalTo("v-test-2"))
                .body("finding.savings[0].expected", equalTo(5));
        given().header("Authorization", finops()).get("/api/v1/findings?detector=waste.ebs.unattached").then().statusCode(200)
                .body("findAll { it.resourceId == 'vol-r-small' }.size()", equalTo(1))
                .body("findAll { it.id == 'fnd_other_id' }.size()", equalTo(0));
        // actioned three days ago, cost unchanged: still inside the grace
        finding(recent.id()).body("finding.status", equalTo("actioned"));
        // the inventory no longer lists it: the action removed it
        finding(gone.id()).body("finding.status", equalTo("verified"))
                .body("events[-1].reason", startsWith("resource no longer in inventory"));
        // the waiver's last day was Feb 20; the one ending on the scan's day still holds
        finding(waivedOld.id()).body("finding.status", equalTo("reopened")).body("finding.waiveReason", org.hamcrest.Matchers.nullValue())
                .body("events[-1].reason", equalTo("waiver ended 2026-02-20 and the finding is still detected"));
        finding(waivedNew.id()).body("finding.status", equalTo("waived")).body("finding.waivedUntil", equalTo(AS_OF.toString()));
        // neither listed nor billed in the 30 days to Feb 28 while the ledger is current
        finding(openGone.id()).body("finding.status", equalTo("closed"))
                .body("finding.closedReason", startsWith("resource no longer billed"));

        assertEquals(2, counts.verified(), counts.toString());
        assertEquals(2, counts.reopened(), counts.toString());
        assertEquals(1, counts.closed(), counts.toString());
        assertEquals(0, counts.created(), counts.toString());
        given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/audit?action=finding.waiver_expired").then().statusCode(200)
                .body("objectId", hasItem(waivedOld.id()));

        // the next scan detects the verified one again while its cost stays down: it stays verified, nothing else moves
        FindingScan.Counts again = scan(List.of(drop, small, recent, waivedOld, waivedNew), billed, Map.of());
        assertEquals(0, again.reopened(), "a verified finding whose cost stays down is not reopened: " + again);
        assertEquals(0, again.closed(), again.toString());
        assertEquals(0, again.verified(), again.toString());
        finding(drop.id()).body("finding.status", equalTo("verified"));
        finding(recent.id()).body("finding.status", equalTo("actioned"));
    }
}
