/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Speaks SCIM the way an IdP does: application/scim+json, the tenant's SCIM secret as bearer token. */
final class ScimClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TYPE = "application/scim+json";

    final String secret;

    ScimClient(String secret) {
        this.secret = secret;
    }

    /** A tenant admin issues (or rotates) the SCIM secret through the admin API. */
    static String issue(String tenant, Integer overlapMinutes) {
        String body = overlapMinutes == null ? "{}" : "{\"overlapMinutes\":" + overlapMinutes + "}";
        return given().header("Authorization", bearer(tenant, "scim-admin", "admin")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/scim/secrets").then().statusCode(201).extract().path("secret");
    }

    RequestSpecification spec() {
        return given().header("Authorization", "Bearer " + secret).accept(TYPE);
    }

    Response get(String path) {
        return spec().get("/scim/v2" + path);
    }

    /** GET of a list with a filter and paging as query parameters (encoded as an IdP would). */
    Response list(String resource, String filter, Integer startIndex, Integer count, String excludedAttributes) {
        RequestSpecification s = spec();
        if (filter != null) s = s.queryParam("filter", filter);
        if (startIndex != null) s = s.queryParam("startIndex", startIndex);
        if (count != null) s = s.queryParam("count", count);
        if (excludedAttributes != null) s = s.queryParam("excludedAttributes", excludedAttributes);
        return s.get("/scim/v2/" + resource);
    }

    Response send(String method, String path, String body) {
        return spec().contentType(TYPE).body(body).request(method, "/scim/v2" + path);
    }

    Response delete(String path) {
        return spec().delete("/scim/v2" + path);
    }

    static JsonNode json(Response r) {
        try {
            return JSON.readTree(r.asString());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.asString(), e);
        }
    }

    /** The status, the SCIM content type, and the body as JSON. */
    static JsonNode expect(Response r, int status) {
        assertEquals(status, r.statusCode(), r.asString());
        if (status != 204) assertEquals(TYPE, r.contentType().split(";")[0], "SCIM answers application/scim+json: " + r.asString());
        return status == 204 ? null : json(r);
    }

    /** A SCIM error body (RFC 7644 §3.12) with that status and scimType (null: none expected). */
    static JsonNode expectError(Response r, int status, String scimType) {
        JsonNode e = expect(r, status);
        assertEquals(ScimMedia.ERROR, e.path("schemas").path(0).asText(), e.toString());
        assertEquals(Integer.toString(status), e.path("status").asText(), e.toString());
        if (scimType != null) assertEquals(scimType, e.path("scimType").asText(), e.toString());
        return e;
    }

    static String q(String s) {
        return s.replace("\"", "\\\"");
    }
}
