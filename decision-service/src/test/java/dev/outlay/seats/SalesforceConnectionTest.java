/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.seats;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A Salesforce connection end to end against a WireMock org, priced by the same contract table as Microsoft 365. */
@QuarkusTest
class SalesforceConnectionTest {

    static final String QUERY = "/services/data/v62.0/query";
    static WireMockServer wm;

    static String fixture(String name) {
        try (InputStream in = SalesforceConnectionTest.class.getResourceAsStream("/salesforce/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void serve(String prefix, String from, String fixture) {
        wm.stubFor(get(urlPathEqualTo(prefix + QUERY)).withQueryParam("q", containing(from)).willReturn(okJson(fixture(fixture))));
    }

    @BeforeAll
    static void org() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
        wm.stubFor(post(urlPathEqualTo("/services/oauth2/token")).willReturn(okJson(fixture("token.json"))));
        serve("", "FROM Organization", "organization.json");
        serve("", "LastLoginDate = LAST_N_DAYS:30", "active-users.json");
        serve("", "GROUP BY Profile.UserLicenseId, Department", "departments.json");
        serve("", "FROM UserLicense", "user-licenses-page1.json");
        wm.stubFor(get(urlPathEqualTo(QUERY + "/01gD0000002HU6KIAW-2000")).willReturn(okJson(fixture("user-licenses-page2.json"))));
        serve("", "FROM PermissionSetLicense", "permset-licenses.json");
        wm.stubFor(get(urlPathEqualTo("/expired" + QUERY)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(fixture("session-expired-401.json"))));
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    static String connect(String tenant, String name, String path) {
        Map<String, Object> body = Map.of("name", name, "kind", "salesforce",
                "config", Map.of("instanceUrl", wm.baseUrl() + path, "clientId", "3MVG9test.consumer.key",
                        "tokenEndpoint", wm.baseUrl() + "/services/oauth2/token"),
                "credentials", Map.of("secret", "consumer-secret"));
        return given().header("Authorization", bearer(tenant, "sf-admin", "admin")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/connections").then().statusCode(201).body("credentials.secret", equalTo("***")).extract().path("id");
    }

    @Test
    void licencesPricedLoadedOnceAndRefusedWhenTheSessionExpired() {
        String t = "sf-seats";
        given().header("Authorization", bearer(t, "sf-fin", "finance")).contentType("text/csv")
                .body("vendor,sku,unitPrice,currency,term,validFrom\nsalesforce,Salesforce,165.00,USD,month,2025-01-01\n"
                        + "salesforce,Salesforce Platform,300.00,USD,year,2025-01-01\nsalesforce,SalesforceCPQ_CPQStandardPerm,75.00,USD,month,2025-01-01\n")
                .put("/api/v1/contract-prices").then().statusCode(200);
        String id = connect(t, "acme-sf", "");
        String finops = bearer(t, "sf-finops", "finops_admin");
        JsonPath first = JsonPath.from(given().header("Authorization", finops).post("/api/v1/connections/" + id + "/seats/poll")
                .then().statusCode(200).extract().asString()).using(new io.restassured.path.json.config.JsonPathConfig(
                io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals("succeeded", first.getString("status"), first.prettify());
        assertEquals(0, new BigDecimal("8875.00").compareTo(first.getObject("totals[0].amount", BigDecimal.class)));
        assertEquals(7, first.getInt("rows"));
        given().header("Authorization", finops).post("/api/v1/connections/" + id + "/seats/poll").then().statusCode(200)
                .body("status", equalTo("duplicate"));
        given().header("Authorization", bearer(t, "sf-fin", "finance")).get("/api/v1/inventory?kind=saas-subscription").then().statusCode(200)
                .body("resourceId", org.hamcrest.Matchers.containsInAnyOrder("salesforce/00DD0000000abcdMAA/100D0000000aaaaIAA", "salesforce/00DD0000000abcdMAA/100D0000000bbbbIAA"));

        String expired = connect(t, "expired-sf", "/expired");
        given().header("Authorization", finops).post("/api/v1/connections/" + expired + "/seats/poll").then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("credentials.secret"))
                .body("detail", containsString("GET /services/data/v62.0/query (Organization): credentials rejected (HTTP 401)"));
    }
}
