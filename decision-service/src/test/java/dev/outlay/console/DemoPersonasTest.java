/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.demo.DemoUsers;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's named personas: seeded with their several roles, offered by the picker, each landing on its own home view. */
@QuarkusTest
class DemoPersonasTest {

    @Inject
    TenantRegistry tenants;

    @Test
    void aNewDemoTenantHasThePersonasWithTheirRoles() {
        String t = "demo-personas-" + UUID.randomUUID().toString().substring(0, 8);
        assertTrue(tenants.ensure(t, t, true));
        List<Map<String, Object>> users = given().header("Authorization", bearer(t, "adm", "admin")).get("/api/v1/users")
                .then().statusCode(200).extract().jsonPath().getList("$");
        for (DemoUsers.DemoUser u : DemoUsers.all()) {
            Map<String, Object> row = users.stream().filter(r -> u.subject().equals(r.get("subject"))).findFirst().orElseThrow(() -> new AssertionError(u.subject()));
            assertEquals(new TreeSet<>(u.roles()), new TreeSet<>((List<?>) row.get("roles")), u.subject());
        }
        assertTrue(DemoUsers.PERSONAS.stream().anyMatch(p -> p.roles().size() > 1), "personas hold several roles");
    }

    @Test
    void everyPersonaSignsInToItsOwnHomeView() {
        String picker = given().get("/console/sign-in").then().statusCode(200).extract().asString();
        Map<String, String> views = Map.of("fran.finance-lead", "finance", "pia.platform-engineer", "platform", "eli.web-engineer", "engineering",
                "lou.vp-engineering", "leadership", "omar.finops-lead", "finance", "ada.auditor", "auditor");
        assertEquals(views.keySet(), new TreeSet<>(DemoUsers.PERSONAS.stream().map(DemoUsers.DemoUser::subject).toList()));
        for (DemoUsers.DemoUser p : DemoUsers.PERSONAS) {
            assertTrue(picker.contains("value=\"" + p.subject() + "\""), p.subject());
            String home = ConsoleBrowser.signInAs("console-personas", p.subject()).as().get("/console").then().statusCode(200).extract().asString();
            assertTrue(home.contains("<small>(" + views.get(p.subject()) + " view)</small>"), p.subject() + ": " + home);
            assertTrue(home.contains("<span data-roles>" + Caller.describe(p.roles()) + "</span>"), home);
            boolean inbox = p.roles().stream().anyMatch(HomeResource.INBOX_ROLES::contains);
            assertEquals(inbox, home.contains("data-kpi=\"tasks\""), p.subject() + " inbox");
        }
        // The approver half of the finance lead reaches the inbox; the engineer of the web team its team's findings.
        ConsoleBrowser.signInAs("console-personas", "fran.finance-lead").as().get("/console/approvals").then().statusCode(200);
        ConsoleBrowser.signInAs("console-personas", "eli.web-engineer").as().get("/console/findings").then().statusCode(200);
        io.restassured.response.Response form = given().get("/console/sign-in");
        given().redirects().follow(false).cookie(ConsoleSessions.SIGN_IN_COOKIE, form.cookie(ConsoleSessions.SIGN_IN_COOKIE))
                .formParam("csrf", ConsoleBrowser.csrfIn(form.asString())).formParam("user", "mallory").post("/console/sign-in")
                .then().statusCode(400);
        assertEquals(Set.of("engineering", "web"), DemoUsers.find("eli.web-engineer").orElseThrow().roles());
    }
}
