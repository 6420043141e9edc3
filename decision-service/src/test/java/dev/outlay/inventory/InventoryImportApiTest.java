/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The generic import over HTTP: good files land, each kind of bad input answers problem+json naming line and field
 * and changes nothing, a later snapshot of the same source marks what it no longer lists, and another tenant sees
 * none of it.
 */
@QuarkusTest
class InventoryImportApiTest {

    static byte[] fixture(String name) {
        try (InputStream in = InventoryImportApiTest.class.getResourceAsStream("/inventory/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String finops(String tenant) {
        return bearer(tenant, "inv-finops", "finops_admin");
    }

    @Test
    void goodFilesLandAndSnapshotsMarkWhatTheyNoLongerList() {
        String t = "inv-import-good";
        given().header("Authorization", finops(t)).contentType("text/csv").body(fixture("inventory-basic.csv"))
                .post("/api/v1/inventory/imports?content=inventory&source=azure-prod").then().statusCode(201)
                .body("items", equalTo(2)).body("source", equalTo("upload:azure-prod")).body("format", equalTo("csv"))
                .body("content", equalTo("inventory")).body("markedAbsent", equalTo(0))
                .body("fileSha256", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        given().header("Authorization", finops(t)).contentType("application/json").body(fixture("inventory-nested.json"))
                .post("/api/v1/inventory/imports?content=inventory&source=k8s").then().statusCode(201).body("items", equalTo(2));

        String reader = bearer(t, "inv-lead", "leadership");
        given().header("Authorization", reader).get("/api/v1/inventory").then().statusCode(200).body("$", hasSize(4));
        given().header("Authorization", reader).get("/api/v1/inventory?kind=block-volume&state=unattached").then()
                .body("resourceId", equalTo(List.of("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/disks/data-1")))
                .body("[0].tags.team", equalTo("web")).body("[0].attributes.volumeSizeGiB", equalTo("128"))
                .body("[0].createdAt", equalTo("2026-09-01T10:00:00Z")).body("[0].stateSince", equalTo(null));
        given().header("Authorization", reader).get("/api/v1/inventory?kind=kubernetes-workload").then()
                .body("[0].attributes.replicas", equalTo("3")).body("[0].region", equalTo(null));

        // The next Azure snapshot lists only the VM: the disk is gone from that source; the k8s source is untouched.
        String vmOnly = "resource_id,provider,kind,state\n/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-1,azure,compute-instance,running\n";
        given().header("Authorization", finops(t)).contentType("text/csv").body(vmOnly)
                .post("/api/v1/inventory/imports?content=inventory&source=azure-prod").then().statusCode(201)
                .body("items", equalTo(1)).body("markedAbsent", equalTo(1));
        given().header("Authorization", reader).get("/api/v1/inventory").then().body("$", hasSize(3));
        given().header("Authorization", reader).get("/api/v1/inventory?present=false").then()
                .body("resourceId", equalTo(List.of("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/disks/data-1")))
                .body("[0].present", equalTo(false));

        given().header("Authorization", finops(t)).contentType("application/json").body(fixture("metrics.json"))
                .post("/api/v1/inventory/imports?content=metrics").then().statusCode(201)
                .body("samples", equalTo(3)).body("days", equalTo(4)).body("gapDays", equalTo(1)).body("source", equalTo("upload"));
        given().header("Authorization", reader).get("/api/v1/inventory/metrics?resourceId=lb-1").then().statusCode(200)
                .body("day", equalTo(List.of("2026-11-01", "2026-11-02", "2026-11-03")))
                .body("coveredSeconds", equalTo(List.of(86400, 0, 86400)))
                .body("[1].total", equalTo(null)).body("[0].total", equalTo(7));

        given().header("Authorization", reader).get("/api/v1/inventory/imports").then().statusCode(200).body("$", hasSize(4))
                .body("[0].content", equalTo("metrics")).body("createdBy", hasItem("inv-finops"));

        // Another tenant sees none of it.
        String other = bearer("inv-import-other", "inv-other", "admin");
        given().header("Authorization", other).get("/api/v1/inventory?present=all").then().statusCode(200).body("$", hasSize(0));
        given().header("Authorization", other).get("/api/v1/inventory/imports").then().statusCode(200).body("$", hasSize(0));
        given().header("Authorization", other).get("/api/v1/inventory/metrics?resourceId=lb-1").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void badInputNamesLineAndFieldAndChangesNothing() {
        String t = "inv-import-bad";
        given().header("Authorization", finops(t)).contentType("text/csv").body(fixture("inventory-basic.csv"))
                .post("/api/v1/inventory/imports?content=inventory").then().statusCode(201);
        given().header("Authorization", finops(t)).contentType("text/csv").body(fixture("metrics-hourly.csv"))
                .post("/api/v1/inventory/imports?content=metrics").then().statusCode(201);

        record Bad(String file, String content, String type, int line, String field, String fragment) {
        }
        List<Bad> bad = List.of(
                new Bad("inventory-unknown-kind.csv", "inventory", "text/csv", 3, "kind", "virtual-machine"),
                new Bad("inventory-unknown-column.csv", "inventory", "text/csv", 1, "atached_to", "unknown column"),
                new Bad("inventory-broken.json", "inventory", "application/json", 3, null, "malformed JSON"),
                new Bad("inventory-missing-provider.json", "inventory", "application/json", 3, "provider", "required"),
                new Bad("metrics-negative.csv", "metrics", "text/csv", 3, "average", "negative"),
                new Bad("metrics-not-number.csv", "metrics", "text/csv", 2, "maximum", "not a number"),
                new Bad("metrics-unknown-metric.csv", "metrics", "text/csv", 3, "metric", "CPUUtilization"),
                new Bad("metrics-overlap.csv", "metrics", "text/csv", 3, "period_start", "overlaps"));
        for (Bad b : bad) {
            var r = given().header("Authorization", finops(t)).contentType(b.type()).body(fixture(b.file()))
                    .post("/api/v1/inventory/imports?content=" + b.content()).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].line", equalTo(b.line()))
                    .body("errors[0].message", containsString(b.fragment()));
            if (b.field() != null) r.body("errors[0].field", equalTo(b.field()));
        }
        // Nothing of any refused file was written: still the two good imports, the two items, the first metric days.
        String reader = bearer(t, "inv-audit", "auditor");
        given().header("Authorization", reader).get("/api/v1/inventory/imports").then().body("$", hasSize(2));
        given().header("Authorization", reader).get("/api/v1/inventory?present=all").then().body("$", hasSize(2))
                .body("present", equalTo(List.of(true, true)));
        given().header("Authorization", reader).get("/api/v1/inventory/metrics?resourceId=vm-1&metric=cpu-utilization").then()
                .body("$", hasSize(1)).body("[0].coveredSeconds", equalTo(10800));

        given().header("Authorization", finops(t)).contentType("text/csv").body(fixture("inventory-basic.csv"))
                .post("/api/v1/inventory/imports").then().statusCode(400).body("errors[0].field", equalTo("content"));
        given().header("Authorization", finops(t)).contentType("text/csv").body(fixture("inventory-basic.csv"))
                .post("/api/v1/inventory/imports?content=inventory&source=Bad Name").then().statusCode(422)
                .body("errors[0].field", equalTo("source"));
        given().header("Authorization", finops(t)).contentType("text/plain").body("x")
                .post("/api/v1/inventory/imports?content=inventory").then().statusCode(415);
        given().header("Authorization", bearer(t, "inv-eng", "engineering")).contentType("text/csv").body(fixture("inventory-basic.csv"))
                .post("/api/v1/inventory/imports?content=inventory").then().statusCode(403);
        given().header("Authorization", reader).get("/api/v1/inventory?kind=vm").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().header("Authorization", reader).get("/api/v1/inventory/imports").then().body("$", hasSize(2));
    }
}
