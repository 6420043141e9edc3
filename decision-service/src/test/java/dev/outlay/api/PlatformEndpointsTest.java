/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void healthIsOpenAndReadyChecksDatabaseAndRuleRuntime() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("rule-runtime"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void openApiAndMetricsAreOpen() {
        given().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/api/v1/me"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void unknownRouteIs404ProblemJson() {
        given().header("Authorization", bearer("demo", "demo-admin", "admin"))
                .get("/api/v1/does-not-exist")
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404));
    }

    @Test
    void requestIdIsEchoed() {
        given().header("X-Request-Id", "abc-123").header("Authorization", bearer("demo", "demo-admin", "admin"))
                .get("/api/v1/me")
                .then().statusCode(200).header("X-Request-Id", "abc-123");
    }

    @Test
    void declaredOversizedBodyIs413ProblemJsonBeforeAnythingIsRead() throws Exception {
        // A raw request: HTTP clients refuse to declare a length they do not send.
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String request = "POST /api/v1/tenant/delete HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: " + bearer("demo", "demo-admin", "admin") + "\r\n"
                    + "Content-Length: " + (3L * 1024 * 1024 * 1024) + "\r\n\r\n{}";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] buf = new byte[4096];
            int n = socket.getInputStream().read(buf);
            String response = new String(buf, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.US_ASCII);
            org.junit.jupiter.api.Assertions.assertTrue(response.startsWith("HTTP/1.1 413"), response);
            org.junit.jupiter.api.Assertions.assertTrue(response.toLowerCase().contains("application/problem+json"), response);
        }
    }
}
