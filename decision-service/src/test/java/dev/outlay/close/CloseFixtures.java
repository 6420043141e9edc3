/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import io.restassured.http.ContentType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ledger files for October 2024 built from the allocation fixture's first row, uploads, allocation runs and waits. */
final class CloseFixtures {

    static final String PERIOD = "2024-10";

    private CloseFixtures() {
    }

    private static final List<String> FIXTURE = read();

    private static List<String> read() {
        try (InputStream in = CloseFixtures.class.getResourceAsStream("/fixtures/allocation/focus-2024-10-owners.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One charge row like the fixture's first (team Payments, prod) with another amount, account, service and resource. */
    static String row(String amount, String account, String service, String resource) {
        return FIXTURE.get(1).replace("100.1234567890", amount).replace(",acct-1,", "," + account + ",")
                .replace(",Compute,VM,", ",Compute," + service + ",").replace("vm-pay-1", resource);
    }

    static byte[] csv(String... rows) {
        return (FIXTURE.get(0) + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** acct-1: VM 100.00 and Storage 40.00; acct-2: VM 25.00 (all EUR). */
    static byte[] october() {
        return csv(row("100.00", "acct-1", "VM", "vm-a"), row("40.00", "acct-1", "Storage", "disk-a"), row("25.00", "acct-2", "VM", "vm-b"));
    }

    /** The restated export of acct-1 only: Storage is 43.50 now; acct-2's rows stay as loaded. */
    static byte[] octoberRestatedAcct1() {
        return csv(row("100.00", "acct-1", "VM", "vm-a"), row("43.50", "acct-1", "Storage", "disk-a"));
    }

    static String upload(String tenant, String subject, String source, String name, byte[] data) {
        // Multipart "source" is the file kind; "connection" names the source (the kind's name when absent).
        var req = given().header("Authorization", bearer(tenant, subject, "finops_admin")).multiPart("source", "focus");
        if (!source.equals("focus")) req = req.multiPart("connection", source);
        return req.multiPart("file", name, data, "text/csv").post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
    }

    static String awaitIngestion(String tenant, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        String status;
        do {
            Thread.sleep(100);
            status = given().header("Authorization", bearer(tenant, "reader", "auditor")).get("/api/v1/ingestions/" + id)
                    .then().statusCode(200).extract().path("status");
        } while ((status.equals("queued") || status.equals("running")) && System.currentTimeMillis() < deadline);
        return status;
    }

    static void load(String tenant, String subject, String source, String name, byte[] data) throws InterruptedException {
        assertEquals("succeeded", awaitIngestion(tenant, upload(tenant, subject, source, name, data)));
    }

    static String allocate(String tenant) {
        return given().header("Authorization", bearer(tenant, tenant + "-alloc", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("billingPeriod", PERIOD)).post("/api/v1/allocations/runs?wait=true").then().statusCode(201)
                .extract().path("id");
    }
}
