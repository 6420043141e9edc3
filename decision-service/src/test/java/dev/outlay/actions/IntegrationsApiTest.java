/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import dev.outlay.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.outlay.actions.ActionsTestSupport.SECRET;
import static dev.outlay.actions.ActionsTestSupport.admin;
import static dev.outlay.actions.ActionsTestSupport.string;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Integration connections: secrets sealed and never returned or audited, test sends kept as evidence. */
@QuarkusTest
class IntegrationsApiTest {

    @Inject
    ActionOutbox outbox;

    @Inject
    DeliveryWorker worker;

    @ConfigProperty(name = "test.superuser-url")
    String su;

    @Test
    void secretIsSealedNeverReturnedAndTestSendsAreEvidence() throws Exception {
        String t = "act-integrations";
        String path = "/integrations/hook";
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        String created = given().header("Authorization", admin(t)).contentType(ContentType.JSON)
                .body(Map.of("name", "events", "kind", "webhook", "url", WebhookReceiver.url(path), "secret", SECRET))
                .post("/api/v1/integrations").then().statusCode(201).body("secret", equalTo("***")).body("healthy", equalTo(true))
                .extract().asString();
        assertFalse(created.contains(SECRET));
        String id = given().header("Authorization", admin(t)).get("/api/v1/integrations").then().statusCode(200)
                .extract().path("find { it.name == 'events' }.id");
        assertFalse(given().header("Authorization", admin(t)).get("/api/v1/integrations").asString().contains(SECRET));
        String row = string(su, "SELECT row_to_json(i)::text FROM outlay.integration i WHERE id = ?::uuid", id);
        assertFalse(row.contains(SECRET), "stored sealed");
        assertTrue(string(su, "SELECT sealed_secret FROM outlay.integration WHERE id = ?::uuid", id).startsWith("v1:"));
        String audited = string(su, "SELECT string_agg(coalesce(before_json, '') || coalesce(after_json, ''), '') FROM outlay.audit_entry WHERE tenant_id = ?", t);
        assertFalse(audited.contains(SECRET), "audit sees the masked view only");
        assertTrue(audited.contains("\"secret\":\"***\""));

        given().header("Authorization", admin(t)).post("/api/v1/integrations/" + id + "/test").then().statusCode(200)
                .body("ok", equalTo(true)).body("testedBy", equalTo("root"));
        var sent = WebhookReceiver.received(path).get(0);
        long ts = Long.parseLong(sent.getHeader(WebhookSignature.TIMESTAMP));
        assertEquals(WebhookSignature.sign(SECRET, ts, sent.getBodyAsString()), sent.getHeader(WebhookSignature.HEADER));
        given().header("Authorization", admin(t)).get("/api/v1/integrations/" + id + "/evidence").then().statusCode(200)
                .body("", hasSize(1)).body("[0].ok", equalTo(true)).body("[0].requestBody", equalTo(sent.getBodyAsString()));

        // Bad input is a problem and changes nothing.
        given().header("Authorization", admin(t)).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad Name", "kind", "carrier-pigeon", "url", "ftp://x", "secret", "short"))
                .post("/api/v1/integrations").then().statusCode(422).contentType("application/problem+json")
                .body("errors.size()", equalTo(4));
        given().header("Authorization", admin(t)).contentType(ContentType.JSON)
                .body(Map.of("name", "events", "kind", "webhook", "url", WebhookReceiver.url(path), "secret", SECRET))
                .post("/api/v1/integrations").then().statusCode(409);
        given().header("Authorization", dev.outlay.support.Tokens.bearer(t, "fo", "finops_admin")).get("/api/v1/integrations").then().statusCode(403);
        given().header("Authorization", admin("act-integrations-other")).get("/api/v1/integrations/" + id + "/evidence").then().statusCode(404);

        // A tenant export carries the connection's settings, never its sealed secret.
        byte[] zip = given().header("Authorization", admin(t)).post("/api/v1/tenant/export").then().statusCode(200).extract().asByteArray();
        String exported = null;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("tables/integration.csv")) exported = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        assertTrue(exported != null && exported.contains("events"), "integration exported: " + exported);
        assertFalse(exported.contains("sealed_secret") || exported.contains("v1:"), exported);

        given().header("Authorization", admin(t)).delete("/api/v1/integrations/" + id).then().statusCode(204);
        assertEquals(1L, ActionsTestSupport.count(su, "SELECT count(*) FROM outlay.integration_evidence WHERE integration_id = ?::uuid", id),
                "evidence outlives the connection");
    }

    @Test
    void aDeliveryForAMissingConnectionIsHeldAndReleasedWhenItIsCreated() throws Exception {
        String t = "act-held";
        given().header("Authorization", admin(t)).get("/api/v1/integrations").then().statusCode(200);
        ActionEvent e = new ActionEvent(EventKind.INGESTION_FAILURE, "ingestion", UUID.randomUUID().toString(), "high", null, null, null, null,
                Map.of("detail", "bad gzip"));
        UUID d = TenantContext.runAs(TenantContext.system(t), () -> QuarkusTransaction.requiringNew().call(() -> outbox.emit(e))).deliveryId().orElseThrow();
        assertEquals("held", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", d));
        assertEquals("no webhook connection named ops", string(su, "SELECT last_error FROM outlay.action_delivery WHERE id = ?", d));
        assertEquals(0, worker.runTenant(t));

        String path = "/held/ops";
        WebhookReceiver.server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        ActionsTestSupport.webhook(t, "ops", path);
        assertEquals(1, worker.runTenant(t));
        assertEquals("delivered", string(su, "SELECT status FROM outlay.action_delivery WHERE id = ?", d));
        assertTrue(WebhookReceiver.received(path).get(0).getBodyAsString().contains("\"kind\":\"ingestion_failure\""));
    }
}
