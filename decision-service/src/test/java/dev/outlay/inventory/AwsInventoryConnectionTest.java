/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * An aws-inventory connection read through the real SDK clients against WireMock serving AWS's shapes: a good read
 * lands in the inventory and metric tables; credentials AWS rejects mark the connection unhealthy and write nothing.
 */
@QuarkusTest
class AwsInventoryConnectionTest {

    static WireMockServer wm;

    @BeforeAll
    static void start() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    static String create(String tenant, String name) {
        Map<String, Object> body = Map.of("name", name, "kind", "aws-inventory",
                "config", Map.of("accountId", "111122223333", "regions", List.of("eu-west-1"), "endpoint", wm.baseUrl()),
                "credentials", Map.of("accessKeyId", "AKIAEXAMPLEKEY000001", "secretAccessKey", "very-secret-key"));
        return given().header("Authorization", bearer(tenant, "inv-admin", "admin")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/connections").then().statusCode(201)
                .body("kind", equalTo("aws-inventory")).body("config.regions", equalTo(List.of("eu-west-1")))
                .body("credentials.secretAccessKey", equalTo("***")).body(not(containsString("very-secret-key")))
                .extract().path("id");
    }

    @Test
    void aGoodReadIsStoredAsInventoryAndDailyMetrics() {
        String t = "inv-aws-good";
        wm.resetAll();
        AwsFixtures.stubAccount(wm);
        String id = create(t, "acct-good");
        String finops = bearer(t, "inv-finops", "finops_admin");

        given().header("Authorization", finops).post("/api/v1/connections/" + id + "/poll").then().statusCode(200)
                .body("status", equalTo("ok"))
                .body("imports.content", equalTo(List.of("inventory", "metrics")))
                .body("imports[0].source", equalTo("connection:" + id))
                .body("imports[0].format", equalTo("aws-api"))
                .body("imports[0].items", equalTo(14))
                .body("imports[1].samples", equalTo(7));

        String reader = bearer(t, "inv-eng", "engineering");
        given().header("Authorization", reader).get("/api/v1/inventory?kind=block-volume&state=available").then().statusCode(200)
                .body("resourceId", equalTo(List.of("vol-0bbb000000000002")))
                .body("[0].attachedTo", equalTo(null)).body("[0].provider", equalTo("aws"))
                .body("[0].source", equalTo("connection:" + id));
        given().header("Authorization", reader).get("/api/v1/inventory?kind=public-ip").then()
                .body("resourceId", equalTo(List.of("203.0.113.10", "203.0.113.20")));
        given().header("Authorization", reader)
                .get("/api/v1/inventory/metrics?resourceId=i-0aaa000000000001&metric=cpu-utilization").then().statusCode(200)
                .body("day", hasItem("2026-11-30")).body("find { it.day == '2026-11-30' }.coveredSeconds", equalTo(3 * 3600));
        given().header("Authorization", bearer(t, "inv-admin", "admin")).get("/api/v1/connections/" + id).then()
                .body("lastPoll.status", equalTo("ok"));

        // A second read in which the spare address was released marks it absent; everything else stays present.
        wm.stubFor(AwsFixtures.action("DescribeAddresses").atPriority(1).willReturn(AwsFixtures.xml(200, "ec2-describe-addresses-released.xml")));
        given().header("Authorization", finops).post("/api/v1/connections/" + id + "/poll").then().statusCode(200)
                .body("status", equalTo("ok")).body("imports[0].markedAbsent", equalTo(1));
        given().header("Authorization", reader).get("/api/v1/inventory?present=false").then()
                .body("resourceId", equalTo(List.of("203.0.113.20")));
        given().header("Authorization", reader).get("/api/v1/inventory").then().body("$", hasSize(13));
    }

    @Test
    void expiredCredentialsMarkTheConnectionUnhealthyAndWriteNothing() {
        String t = "inv-aws-expired";
        wm.resetAll();
        AwsFixtures.stubAccount(wm);
        // Every listing answers; CloudWatch, last, says the session token expired: the read as a whole is refused.
        wm.stubFor(post(urlEqualTo(AwsFixtures.CW_PATH)).atPriority(1)
                .willReturn(AwsFixtures.cbor(403, "cloudwatch-error-expired-token.json").withHeader("x-amzn-query-error", "ExpiredToken;Sender")));
        String id = create(t, "acct-expired");
        String finops = bearer(t, "inv-finops", "finops_admin");

        given().header("Authorization", finops).post("/api/v1/connections/" + id + "/poll").then().statusCode(200)
                .body("status", equalTo("unhealthy"))
                .body("detail", containsString("ExpiredToken"))
                .body("imports", empty())
                .body(not(containsString("very-secret-key")));
        given().header("Authorization", finops).get("/api/v1/inventory?present=all").then().statusCode(200).body("$", hasSize(0));
        given().header("Authorization", finops).get("/api/v1/inventory/imports").then().statusCode(200).body("$", hasSize(0));
        given().header("Authorization", bearer(t, "inv-admin", "admin")).get("/api/v1/connections/" + id).then()
                .body("lastPoll.status", equalTo("unhealthy")).body("lastPoll.detail", containsString("111122223333"));
    }

    @Test
    void inventoryConnectionsAreValidatedAndS3OnesAreNotPolledHere() {
        String t = "inv-aws-validate";
        String admin = bearer(t, "inv-admin", "admin");
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("name", "bad", "kind", "aws-inventory",
                        "config", Map.of("accountId", "1234", "regions", List.of("eu-west-1", "eu-west-1"))))
                .post("/api/v1/connections").then().statusCode(422)
                .body("errors.field", hasItem("config.accountId"))
                .body("errors.field", hasItem("credentials"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("name", "role-only", "kind", "aws-inventory",
                        "config", Map.of("accountId", "111122223333", "regions", List.of("eu-west-1"),
                                "roleArn", "arn:aws:iam::111122223333:role/outlay-read", "externalId", "tenant-inv-aws-validate")))
                .post("/api/v1/connections").then().statusCode(201).body("hasSecret", equalTo(false))
                .body("config.roleArn", equalTo("arn:aws:iam::111122223333:role/outlay-read"));
        String s3 = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("name", "cur", "kind", "aws-s3", "config", Map.of("bucket", "acme-billing", "exportName", "acme"),
                        "credentials", Map.of("accessKeyId", "AKIAEXAMPLE", "secretAccessKey", "x")))
                .post("/api/v1/connections").then().statusCode(201).extract().path("id");
        given().header("Authorization", admin).post("/api/v1/connections/" + s3 + "/poll").then().statusCode(409);
        given().header("Authorization", bearer(t, "inv-eng", "engineering")).post("/api/v1/connections/" + s3 + "/poll").then().statusCode(403);
    }
}
