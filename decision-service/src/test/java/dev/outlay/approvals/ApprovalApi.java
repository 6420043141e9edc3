/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;

/** Small REST helpers shared by the approval tests; every call names its caller explicitly. */
final class ApprovalApi {

    private ApprovalApi() {
    }

    static ValidatableResponse request(String tenant, String subject, String role, Map<String, Object> body) {
        return given().header("Authorization", bearer(tenant, subject, role)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/spend-requests").then();
    }

    static Map<String, Object> gpu(String amount) {
        Map<String, Object> m = new HashMap<>();
        m.put("resourceClass", "gpu");
        m.put("environment", "dev");
        m.put("amount", new java.math.BigDecimal(amount));
        m.put("currency", "USD");
        m.put("owner", "ml-platform");
        m.put("description", "GPU cluster for a training run");
        return m;
    }

    static List<Map<String, Object>> inbox(String tenant, String subject, String... roles) {
        return given().header("Authorization", bearer(tenant, subject, roles)).get("/api/v1/inbox")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    static Map<String, Object> taskFor(String requestId, String tenant, String subject, String... roles) {
        return inbox(tenant, subject, roles).stream().filter(t -> requestId.equals(t.get("subjectId"))).findFirst().orElse(null);
    }

    static ValidatableResponse act(String taskId, String action, Map<String, Object> body, String tenant, String subject, String... roles) {
        var spec = given().header("Authorization", bearer(tenant, subject, roles)).contentType(ContentType.JSON);
        if (body != null) spec = spec.body(body);
        return spec.post("/api/v1/inbox/" + taskId + "/" + action).then();
    }

    static Map<String, Object> get(String requestId, String tenant) {
        return given().header("Authorization", bearer(tenant, "auditor-1", "auditor")).get("/api/v1/spend-requests/" + requestId)
                .then().statusCode(200).extract().jsonPath().getMap("$");
    }

    static List<Map<String, Object>> history(String requestId, String tenant) {
        return given().header("Authorization", bearer(tenant, "auditor-1", "auditor")).get("/api/v1/spend-requests/" + requestId + "/history")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }
}
