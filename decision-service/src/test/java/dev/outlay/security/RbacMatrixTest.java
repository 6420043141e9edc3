/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.tenancy.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Walks every /api/v1 route of the OpenAPI document with a token per single role against docs/security/rbac-matrix.md. */
@QuarkusTest
class RbacMatrixTest {

    static final String TENANT = "rbac-walk";

    record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyRouteIsInTheMatrixAndEnforcedForEveryRole() throws IOException {
        RbacMatrix matrix = RbacMatrix.read();
        assertTrue(Set.copyOf(matrix.roles).equals(Caller.ROLES), "matrix columns must be exactly the roles: " + matrix.roles);

        List<String> failures = new ArrayList<>();
        for (Route route : apiRoutes()) {
            String action = matrix.actionByRoute.get(new RbacMatrix.Route(route.method(), route.path()));
            if (action == null) {
                failures.add(route + " is not in docs/security/rbac-matrix.md");
                continue;
            }
            Set<String> allowed = matrix.allowedByAction.get(action);
            if (allowed == null) {
                failures.add(route + " names unknown action " + action);
                continue;
            }
            for (String role : new TreeSet<>(Caller.ROLES)) {
                int status = call(route, role).statusCode();
                // A 5xx is a failure whatever the matrix says: it proves nothing about authorization and is a bug of its own.
                boolean ok = status < 500 && (allowed.contains(role) ? status != 403 && status != 401 : status == 403);
                if (!ok) failures.add(route + " as " + role + " -> " + status + " (matrix: " + (allowed.contains(role) ? "allowed" : "denied") + ")");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static Map<Route, JsonNode> operations;

    private static List<Route> apiRoutes() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/v1")) continue;
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("parameters")) continue;
                operations.put(new Route(op.getKey().toUpperCase(), path.getKey()), op.getValue());
            }
        }
        return new ArrayList<>(operations.keySet());
    }

    /** A request shaped like the operation expects, so that only authorization can answer 403. */
    private static Response call(Route route, String role) {
        RequestSpecification req = given().header("Authorization", bearer(TENANT, "rbac-" + role, role));
        JsonNode body = operations.get(route).path("requestBody").path("content");
        String type = body.fieldNames().hasNext() ? body.fieldNames().next() : null;
        if (type != null) {
            if (type.startsWith("multipart/")) {
                req = req.multiPart("file", "probe.csv", "a,b\n1,2\n".getBytes(), "text/csv");
            } else if (type.contains("xml")) {
                req = req.contentType(type).body("<probe/>");
            } else if (type.startsWith("text/")) {
                req = req.contentType(type).body("probe");
            } else {
                req = req.contentType("application/json").body("{}");
            }
        } else if (!route.method().equals("GET") && !route.method().equals("DELETE")) {
            req = req.contentType("application/json").body("{}");
        }
        String path = route.path().replaceAll("\\{[^}]+}", "rbac-probe");
        return req.request(route.method(), path);
    }
}
