/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.api.problem.Problem;
import dev.outlay.security.RouteClass;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The served API document is complete for people and generated clients: a route added without its @Operation, or
 * one whose security the filter could not derive, fails here before the outside linter (redocly, in .ci) sees it.
 */
@QuarkusTest
class ServedApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static JsonNode doc;

    /** Per test, not @BeforeAll: the application (and RestAssured's port) is up only once a test method runs. */
    @BeforeEach
    void read() throws Exception {
        if (doc == null) doc = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    @Test
    void everyOperationIsNamedDescribedSecuredAndAnswersProblems() {
        List<String> faults = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        JsonNode schemes = doc.path("components").path("securitySchemes");
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            RouteClass route = ServedApiFilter.classify(path.getKey());
            if (route != RouteClass.TENANT_API && route != RouteClass.SIGNED_HOOK && route != RouteClass.RAW_KOGITO) {
                faults.add(path.getKey() + " is " + route + ", not served through the API, yet in the document");
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = ops.next();
                if (!METHODS.contains(entry.getKey())) continue;
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = entry.getValue();
                for (String field : List.of("operationId", "summary", "description")) {
                    if (op.path(field).asText("").isBlank()) {
                        faults.add(name + " has no " + field + (route == RouteClass.RAW_KOGITO ? " (RawKogitoOperations)" : " (add @Operation)"));
                    }
                }
                String id = op.path("operationId").asText("");
                if (!id.isEmpty() && !id.matches("[a-z][A-Za-z0-9]*")) faults.add(name + ": operationId " + id + " is not camelCase");
                String other = ids.put(id, name);
                if (!id.isEmpty() && other != null) faults.add(name + " and " + other + " share the operationId " + id);
                if (route == RouteClass.RAW_KOGITO && !entry.getKey().equals("get")) faults.add(name + ": raw Kogito routes are read-only");
                faults.addAll(securityFaults(name, route, op.path("security"), schemes));
                boolean problem4xx = false;
                for (Iterator<String> codes = op.path("responses").fieldNames(); codes.hasNext(); ) {
                    if (codes.next().startsWith("4")) problem4xx = true;
                }
                if (!problem4xx) faults.add(name + " declares no 4xx response");
            }
        }
        assertTrue(faults.isEmpty(), String.join("\n", faults));
        assertTrue(ids.size() > 100, "the document lists only " + ids.size() + " operations");
    }

    private static List<String> securityFaults(String name, RouteClass route, JsonNode security, JsonNode schemes) {
        if (!security.isArray() || security.size() != 1) return List.of(name + " has no single security requirement: " + security);
        List<String> names = new ArrayList<>();
        security.get(0).fieldNames().forEachRemaining(names::add);
        if (names.size() != 1 || !schemes.has(names.get(0))) return List.of(name + " requires an undeclared scheme: " + security);
        JsonNode scheme = schemes.get(names.get(0));
        boolean bearer = "http".equals(scheme.path("type").asText()) && "bearer".equals(scheme.path("scheme").asText());
        boolean expectBearer = route != RouteClass.SIGNED_HOOK;
        if (bearer != expectBearer) return List.of(name + " (" + route + ") requires " + names.get(0) + ", not what RouteTable enforces");
        return List.of();
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collect(doc, refs);
        List<String> dangling = refs.stream().filter(r -> !r.startsWith("#/") || doc.at(r.substring(1)).isMissingNode()).toList();
        assertTrue(refs.size() > 100, "expected references, found " + refs.size());
        assertTrue(dangling.isEmpty(), "unresolved: " + dangling);
    }

    private static void collect(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) refs.add(e.getValue().asText());
                else if (e.getKey().equals("discriminator")) e.getValue().path("mapping").elements().forEachRemaining(v -> refs.add(v.asText()));
                else collect(e.getValue(), refs);
            });
        } else if (node.isArray()) {
            node.elements().forEachRemaining(n -> collect(n, refs));
        }
    }

    @Test
    void problemSchemaIsTheProblemRecord() {
        JsonNode schemas = doc.path("components").path("schemas");
        assertEquals(names(Problem.class.getRecordComponents()), properties(schemas.path(ProblemResponses.SCHEMA)));
        assertEquals(names(Problem.Fault.class.getRecordComponents()), properties(schemas.path(ProblemResponses.FAULT_SCHEMA)));
        JsonNode notFound = doc.at("/components/responses/NotFound/content");
        assertEquals("#/components/schemas/Problem", notFound.path(Problem.MEDIA_TYPE).path("schema").path("$ref").asText());
    }

    private static Set<String> names(RecordComponent[] components) {
        return Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> properties(JsonNode schema) {
        Set<String> out = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Tests run in demo mode: Swagger UI is served, reads the document, and a call with the bearer scheme goes through. */
    @Test
    void swaggerUiIsServedReadOnlyAndTriesCallsWithABearerToken() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("/q/openapi"));
        given().post("/q/swagger-ui/").then().statusCode(405);
        String server = doc.path("servers").path(0).path("url").asText();
        assertEquals("/", server, "Swagger UI calls the origin it was loaded from");
        // What "try it out" sends for GET /api/v1/me once a token is entered under "Authorize" (bearerJwt).
        given().header("Authorization", bearer("swagger", "swagger-user", "auditor")).get("/api/v1/me")
                .then().statusCode(200).body("tenant", equalTo("swagger"));
        given().get("/api/v1/me").then().statusCode(401);
    }
}
