/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import dev.outlay.console.ConsoleSession;
import dev.outlay.console.ConsoleSessions;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.outlay.scim.ScimClient.expect;
import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deprovisioning ends what the user had open: their console session stops working at once (sessions are stateless
 * cookies; the revocation time voids them) and the approval task they had claimed goes back to the approver group.
 * A namesake in another tenant keeps their session. A new session after the revocation works again.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(ScimDeprovisioningTest.RealSlaHours.class)
class ScimDeprovisioningTest {

    /**
     * Real SLA hours: with the test profile's 0.5 s hours the approver task escalates every 12 s, and on a loaded
     * machine the SLA timer replaced the claimed task while the deprovisioning ran (seen: nothing left to release).
     */
    public static class RealSlaHours implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outlay.approvals.sla-unit", "PT1H");
        }
    }

    static final String T = "scim-deprov-co";
    static final String OTHER = "scim-deprov-other";

    @Inject
    TenantRegistry tenants;

    @Inject
    ConsoleSessions sessions;

    private String cookie(String tenant, String subject, String... roles) {
        ConsoleSession s = sessions.open(new Caller(tenant, subject, Set.of(roles)));
        return sessions.cookie(s).getValue();
    }

    private int console(String cookie) {
        return given().redirects().follow(false).cookie(ConsoleSessions.COOKIE, cookie).get("/console").statusCode();
    }

    private Map<String, Object> task(String requestId, String subject) {
        List<Map<String, Object>> inbox = given().header("Authorization", bearer(T, subject, "approver")).get("/api/v1/inbox")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return inbox.stream().filter(t -> requestId.equals(t.get("subjectId"))).findFirst().orElse(null);
    }

    @Test
    void deactivationEndsSessionsAndReleasesClaims() {
        tenants.ensure(T, T, false);
        tenants.ensure(OTHER, OTHER, false);
        ScimClient scim = new ScimClient(ScimClient.issue(T, null));
        String id = expect(scim.send("POST", "/Users", """
                {"schemas":["%s"],"userName":"sam","displayName":"Sam Approver","active":true}""".formatted(ScimMedia.USER)), 201)
                .path("id").asText();

        // Sam signs in to the console and claims an approval task.
        String samSession = cookie(T, "sam", "approver");
        String namesake = cookie(OTHER, "sam", "approver");
        assertEquals(200, console(samSession));
        Map<String, Object> body = new java.util.HashMap<>(Map.of("resourceClass", "gpu", "environment", "dev", "amount", new BigDecimal("300"),
                "currency", "USD", "owner", "ml-platform"));
        body.put("description", "GPU for a training run");
        String requestId = given().header("Authorization", bearer(T, "rhea", "platform")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/spend-requests").then().statusCode(201).extract().path("id");
        Map<String, Object> task = task(requestId, "sam");
        assertNotNull(task, "the approver group gets the task");
        String taskId = (String) task.get("taskId");
        given().header("Authorization", bearer(T, "sam", "approver")).contentType(ContentType.JSON)
                .post("/api/v1/inbox/" + taskId + "/claim").then().statusCode(200);
        assertEquals("sam", task(requestId, "sam").get("actualOwner"), "claimed by sam");

        // The IdP deactivates sam (Entra ID's shape).
        expect(scim.send("PATCH", "/Users/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}""".formatted(ScimMedia.PATCH)), 200);

        int after = console(samSession);
        assertTrue(after >= 300 && after < 400, "the revoked session is sent to sign in, got " + after);
        assertEquals(200, console(namesake), "the namesake in another tenant keeps their session");
        Map<String, Object> released = task(requestId, "ann");
        assertNotNull(released, "the task is back with the group");
        assertNull(released.get("actualOwner"), "nobody holds the task any more: " + released);
        given().header("Authorization", bearer(T, "ann", "approver")).contentType(ContentType.JSON)
                .post("/api/v1/inbox/" + taskId + "/claim").then().statusCode(200);

        List<String> actions = given().header("Authorization", bearer(T, "aud", "auditor")).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("action");
        assertTrue(actions.contains("scim.user.deprovision") && actions.contains("task.release"), actions.toString());

        // Reactivated and signed in again: the new session works.
        expect(scim.send("PATCH", "/Users/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"replace","value":{"active":true}}]}""".formatted(ScimMedia.PATCH)), 200);
        sleepPastTheSecond();
        assertEquals(200, console(cookie(T, "sam", "approver")));
    }

    /** Session issue times are kept to the second: a session opened in the revocation's own second counts as revoked. */
    private static void sleepPastTheSecond() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
