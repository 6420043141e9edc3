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

import java.util.Map;

import static dev.outlay.ledger.LedgerTestSupport.assertMoney;
import static dev.outlay.ledger.LedgerTestSupport.awaitDone;
import static dev.outlay.ledger.LedgerTestSupport.fixture;
import static dev.outlay.ledger.LedgerTestSupport.scalar;
import static dev.outlay.ledger.LedgerTestSupport.upload;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** A wrongly loaded file is retracted: its rows, rollup and tag keys leave the ledger; others stay; it can be loaded again. */
@QuarkusTest
class RetractionTest {

    static final String T = "ledger-retract";
    static final String CUR2 = "aws/cur2-every-line-item-type.csv";

    @Inject
    AgroalDataSource ds;

    static io.restassured.response.ValidatableResponse retract(String tenant, String role, String id, Object body) {
        return given().header("Authorization", bearer(tenant, tenant + "-" + role, role)).contentType("application/json").body(body)
                .post("/api/v1/ingestions/" + id + "/retract").then();
    }

    @Test
    void aRetractedFileLeavesTheLedgerAndCanBeLoadedAgain() {
        String invoice = awaitDone(T, upload(T, "invoice-csv", "saas.csv", fixture("invoice/saas-invoice.csv"),
                new String(fixture("invoice/saas-mapping.json"), java.nio.charset.StandardCharsets.UTF_8)))
                .body("status", equalTo("succeeded")).extract().path("id");
        String cur = awaitDone(T, upload(T, "aws-cur", "cur2.csv", fixture(CUR2), null)).body("status", equalTo("succeeded"))
                .extract().path("id");
        assertMoney("25", scalar(ds, T, "SELECT count(*) FROM outlay.ledger_charge"));

        retract(T, "engineering", cur, Map.of("reason", "wrong file")).statusCode(403);
        retract(T, "finops_admin", cur, Map.of()).statusCode(400).body("errors[0].field", equalTo("reason"));
        retract(T, "finops_admin", cur, Map.of("reason", "uploaded the October export to the wrong tenant"))
                .statusCode(200).body("status", equalTo("retracted")).body("retraction.by", equalTo(T + "-finops_admin"))
                .body("retraction.reason", equalTo("uploaded the October export to the wrong tenant"))
                .body("retraction.rowsRemoved", equalTo(19));

        // The CUR rows, their daily rollup and tag keys are gone; the invoice's stay, to the cent.
        assertMoney("0", scalar(ds, T, "SELECT count(*) FROM outlay.ledger_charge WHERE source = 'aws-cur'"));
        assertMoney("0", scalar(ds, T, "SELECT count(*) FROM outlay.ledger_daily WHERE source = 'aws-cur'"));
        assertMoney("0", scalar(ds, T, "SELECT count(*) FROM outlay.ledger_tag_key WHERE source = 'aws-cur'"));
        assertMoney("1962.8733", scalar(ds, T, "SELECT sum(billed_cost) FROM outlay.ledger_charge"));
        assertMoney("1962.8733", scalar(ds, T, "SELECT sum(billed_cost) FROM outlay.ledger_daily"));
        given().header("Authorization", bearer(T, "a", "auditor")).get("/api/v1/audit?action=ingestion.retract").then().statusCode(200)
                .body("", hasSize(1)).body("[0].objectId", equalTo(cur));

        // Only once, only succeeded ingestions, only the tenant's own.
        retract(T, "finops_admin", cur, Map.of("reason", "again")).statusCode(409).contentType(startsWith("application/problem+json"));
        retract("ledger-retract-b", "finops_admin", invoice, Map.of("reason", "not mine")).statusCode(404);
        retract(T, "finops_admin", java.util.UUID.randomUUID().toString(), Map.of("reason", "x")).statusCode(404);

        // The same bytes load again: a retracted ingestion is nobody's duplicate.
        awaitDone(T, upload(T, "aws-cur", "cur2.csv", fixture(CUR2), null)).body("status", equalTo("succeeded"));
        assertMoney("25", scalar(ds, T, "SELECT count(*) FROM outlay.ledger_charge"));
        String dup = awaitDone(T, upload(T, "aws-cur", "cur2.csv", fixture(CUR2), null)).body("status", equalTo("duplicate"))
                .extract().path("id");
        retract(T, "finops_admin", dup, Map.of("reason", "x")).statusCode(409);
        assertMoney("1524.0951900125", scalar(ds, T, "SELECT sum(billed_cost) FROM outlay.ledger_charge WHERE source = 'aws-cur'"));
    }
}
