/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The in-process API (what allocation/anomaly/policy code calls) and the bundled models behind it. */
@QuarkusTest
class InProcessDecisionsTest {

    @Inject
    DecisionService decisions;

    @Inject
    TenantRegistry tenants;

    @Test
    void bulkEvaluatesOncePerDistinctInputAndLogsWithARunId() {
        tenants.ensure("rs-bulk", "Bulk", false);
        Caller allocator = new Caller("rs-bulk", "allocation-job", Set.of("admin"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> charge = charge();
            charge.put("subAccount", i % 3 == 0 ? "payments-prod" : "data-platform");
            charge.put("tagEnvironment", i % 2 == 0 ? "prod" : "staging");
            rows.add(charge);
        }
        DecisionService.BulkResult result = TenantContext.runAs(allocator, () -> decisions.evaluateBulk("allocation", null, rows));
        assertEquals(30, result.rows());
        assertEquals(4, result.distinctInputs());
        assertEquals("payments", ((Map<?, ?>) result.outputs().get(0).get("allocation")).get("team"));
        assertEquals("data", ((Map<?, ?>) result.outputs().get(1).get("allocation")).get("team"));
        assertEquals(result.decisionIds().get(0), result.decisionIds().get(6));

        given().header("Authorization", bearer("rs-bulk", "au", "auditor")).get("/api/v1/decisions?runId=" + result.runId())
                .then().statusCode(200).body("$", hasSize(4)).body("caller[0]", equalTo("allocation-job"))
                .body("rowCount.sum()", equalTo(30));
        String candidate = TenantContext.runAs(allocator, () -> decisions.evaluate("allocation", null, charge())).versionHash();
        given().header("Authorization", bearer("rs-bulk", "fa", "finops_admin"))
                .post("/api/v1/rulesets/allocation/versions/" + candidate + "/impact")
                .then().statusCode(200).body("evaluated", equalTo(5)).body("rowsEvaluated", equalTo(31)).body("changed", equalTo(0));
        // Other tenants see nothing of it.
        given().header("Authorization", bearer("rs-bulk-other", "au", "auditor")).get("/api/v1/decisions?runId=" + result.runId())
                .then().statusCode(200).body("$", hasSize(0));
        given().header("Authorization", bearer("rs-bulk-other", "au", "auditor")).get("/api/v1/decisions/" + result.decisionIds().get(0))
                .then().statusCode(404);
    }

    @Test
    void inProcessCallersMayPassJavaNumbers() {
        tenants.ensure("rs-inproc", "In-process", false);
        Map<String, Object> in = Map.of("resourceClass", "gpu", "environment", "prod", "amount", 20000, "budgetRemaining", 100000L,
                "forecastOverrunPct", new BigDecimal("0"), "owner", "ml");
        DecisionRecord r = TenantContext.runAs(TenantContext.system("rs-inproc"), () -> decisions.evaluate("spend-policy", null, in));
        assertEquals("SP-03", ((Map<?, ?>) r.outputValues().get("policy")).get("ruleId"));
    }

    @Test
    void theLogIsAppendOnlyAndAReplayThatDoesNotReproduceSaysSo() throws Exception {
        tenants.ensure("rs-tamper", "Tamper", false);
        Caller caller = TenantContext.system("rs-tamper");
        Map<String, Object> in = Map.of("resourceClass", "standard", "environment", "dev", "amount", 300, "budgetRemaining", 20000,
                "forecastOverrunPct", 0, "owner", "web");
        DecisionRecord real = TenantContext.runAs(caller, () -> decisions.evaluate("spend-policy", null, in));
        TenantContext.runAs(caller, () -> {
            try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
                org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                        () -> st.executeUpdate("UPDATE outlay.decision_log SET outputs = '{}' WHERE id = '" + real.id() + "'"));
                org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                        () -> st.executeUpdate("UPDATE outlay.rule_set_version SET content = 'x'"));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        // A record whose outputs were not produced by its version (e.g. written by a buggy or forged client).
        DecisionRecord forged = new DecisionRecord(java.util.UUID.randomUUID(), "spend-policy", real.versionHash(), real.inputs(),
                real.outputs().replace("\"allow\"", "\"block\""), "mallory", real.at(), null, null);
        TenantContext.runAs(caller, () -> log.append(List.of(forged)));
        given().header("Authorization", bearer("rs-tamper", "au", "auditor")).post("/api/v1/decisions/" + forged.id() + "/replay")
                .then().statusCode(200).body("reproduced", equalTo(false))
                .body("reproductionDiff[0].path", equalTo("policy.outcome"))
                .body("reproductionDiff[0].before", equalTo("block")).body("reproductionDiff[0].after", equalTo("allow"));
        given().header("Authorization", bearer("rs-tamper", "au", "auditor")).post("/api/v1/decisions/" + real.id() + "/replay")
                .then().statusCode(200).body("reproduced", equalTo(true)).body("changed", equalTo(false));
    }

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Inject
    DecisionLog log;

    @Inject
    org.kie.kogito.decision.DecisionModels bundled;

    /** The bundled models stay in Kogito's registry (health, seeding); their generated REST routes are gone. */
    @Test
    void bundledModelsEvaluateInProcessAndTheirGeneratedRoutesAreGone() {
        var allocation = bundled.getDecisionModel("https://outlay.dev/rules/allocation", "Allocation");
        Map<?, ?> owner = (Map<?, ?>) allocation.evaluateAll(allocation.newContext(charge())).getDecisionResultByName("allocation").getResult();
        assertEquals("AL-99", owner.get("ruleId"));
        assertEquals("unallocated", owner.get("team"));
        Map<String, Object> delta = new HashMap<>(Map.of("relativeChange", new BigDecimal("0.1"), "absoluteImpact", new BigDecimal("90000"),
                "volumeShare", new BigDecimal("0.2"), "rateShare", new BigDecimal("0.1"), "newResourceCount", BigDecimal.ZERO, "newSku", false,
                "newRegion", false, "commitmentCoverageChange", BigDecimal.ZERO, "creditEnded", true, "oneOffPurchase", false));
        delta.put("dataComplete", true);
        var anomaly = bundled.getDecisionModel("https://outlay.dev/rules/anomaly-classification", "AnomalyClassification");
        var result = anomaly.evaluateAll(anomaly.newContext(delta));
        assertEquals("credit-ended", ((Map<?, ?>) result.getDecisionResultByName("classification").getResult()).get("cause"));
        assertEquals("critical", result.getDecisionResultByName("severity").getResult());
        assertEquals("page-finops-oncall", result.getDecisionResultByName("routing").getResult());

        for (String route : List.of("/Allocation", "/AnomalyClassification", "/SpendPolicy")) {
            given().header("Authorization", bearer("demo", "demo-admin", "admin")).contentType(ContentType.JSON).body(charge())
                    .post(route).then().statusCode(404);
        }
    }

    private static Map<String, Object> charge() {
        Map<String, Object> charge = new HashMap<>();
        for (String k : List.of("provider", "billingAccount", "subAccount", "serviceName", "serviceCategory", "region", "resourceType",
                "chargeCategory", "tagTeam", "tagProduct", "tagEnvironment", "tagCostCenter", "tagApplication")) charge.put(k, null);
        charge.put("provider", "aws");
        charge.put("chargeCategory", "Usage");
        return charge;
    }
}
