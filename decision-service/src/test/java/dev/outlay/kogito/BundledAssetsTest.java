package dev.outlay.kogito;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** The DMN model from rules/ and the BPMN process from processes/ answer at their Kogito-generated endpoints. */
@QuarkusTest
class BundledAssetsTest {

    @Test
    void spendPolicyDmnFromRulesModuleAnswers() {
        given().header("Authorization", bearer("demo", "demo-platform", "platform"))
                .contentType(ContentType.JSON)
                .body(Map.of("resourceClass", "gpu", "environment", "prod", "amount", 20000,
                        "budgetRemaining", 100000, "forecastOverrunPct", 0, "owner", "web"))
                .post("/SpendPolicy")
                .then().statusCode(200)
                .body("policy.outcome", equalTo("escalate"))
                .body("policy.approverRole", equalTo("leadership"))
                .body("policy.ruleId", equalTo("SP-03"));
    }

    @Test
    void kogitoEndpointsNeedAToken() {
        given().contentType(ContentType.JSON).body(Map.of("amount", 1)).post("/SpendPolicy")
                .then().statusCode(401);
    }

    @Test
    void spendApprovalProcessFromProcessesModuleRunsAndItsRawRoutesAreTenantScoped() {
        // Raw Kogito routes are for admins, who see and act as themselves only (no impersonation).
        given().header("Authorization", bearer("demo", "demo-approver", "approver"))
                .get("/usertasks/instance").then().statusCode(403);
        String auth = bearer("demo", "demo-admin", "admin");
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("requestId", "SR-1", "tenantId", "other", "approverGroup", "approver", "sla", "PT1H"))
                .post("/spendApproval").then().statusCode(403);

        String request = given().header("Authorization", bearer("demo", "demo-engineering", "engineering")).contentType(ContentType.JSON)
                .body(Map.of("resourceClass", "gpu", "environment", "dev", "amount", 1500, "owner", "ml", "description", "GPU run"))
                .post("/api/v1/spend-requests").then().statusCode(201).body("outcome", equalTo("escalate")).extract().path("id");
        String id = given().header("Authorization", auth).get("/api/v1/spend-requests/" + request)
                .then().statusCode(200).extract().path("processInstanceId");
        given().header("Authorization", auth).get("/spendApproval/" + id)
                .then().statusCode(200).body("requestId", equalTo(request));
        given().header("Authorization", auth).get("/spendApproval")
                .then().statusCode(200).body("findAll { it.id == '" + id + "' }", hasSize(1));

        String taskId = given().header("Authorization", bearer("demo", "demo-admin", "admin", "approver"))
                .get("/usertasks/instance")
                .then().statusCode(200)
                .body("findAll { it.metadata.ProcessInstanceId == '" + id + "' }", hasSize(1))
                .body("find { it.metadata.ProcessInstanceId == '" + id + "' }.excludedUsers", org.hamcrest.Matchers.contains("demo-engineering"))
                .body("find { it.metadata.ProcessInstanceId == '" + id + "' }.potentialGroups", org.hamcrest.Matchers.contains("approver"))
                .extract().path("find { it.metadata.ProcessInstanceId == '" + id + "' }.id");

        // Another tenant's admin, even naming the right group in (ignored) impersonation parameters, finds none of it.
        String other = bearer("bundled-other", "other-admin", "admin");
        given().header("Authorization", other).queryParam("user", "x").queryParam("group", "approver").get("/usertasks/instance")
                .then().statusCode(200).body("findAll { it.metadata.ProcessInstanceId == '" + id + "' }", hasSize(0));
        given().header("Authorization", other).get("/usertasks/instance/" + taskId).then().statusCode(404);
        given().header("Authorization", other).queryParam("user", "x").queryParam("group", "approver").contentType(ContentType.JSON)
                .body(Map.of("transitionId", "claim", "data", Map.of()))
                .post("/usertasks/instance/" + taskId + "/transition").then().statusCode(404);
        given().header("Authorization", other).get("/spendApproval/" + id).then().statusCode(404);
        given().header("Authorization", other).get("/spendApproval/" + id + "/tasks").then().statusCode(404);
        given().header("Authorization", other).delete("/spendApproval/" + id).then().statusCode(404);
        given().header("Authorization", other).get("/spendApproval")
                .then().statusCode(200).body("findAll { it.id == '" + id + "' }", hasSize(0));

        given().header("Authorization", bearer("demo", "demo-approver", "approver")).contentType(ContentType.JSON)
                .body(Map.of("decision", "approve", "comment", "ok"))
                .post("/api/v1/inbox/" + taskId + "/complete").then().statusCode(200);
        given().header("Authorization", auth).get("/spendApproval/" + id).then().statusCode(404);
        given().header("Authorization", auth).get("/api/v1/spend-requests/" + request).then().statusCode(200)
                .body("status", equalTo("approved"));
    }
}
