package dev.outlay.approvals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The spend policy an admin publishes decides the next request, and the outcome names that version. */
@QuarkusTest
class PolicyVersioningTest {

    static final String T = "policy-versions";

    private static Map<String, Object> request() {
        return Map.of("resourceClass", "standard", "environment", "prod", "amount", 4500, "currency", "EUR",
                "owner", "web", "description", "bigger database");
    }

    @Test
    void publishingAChangedTableChangesTheNextOutcome() {
        String admin = bearer(T, "fo", "finops_admin");
        String v1 = given().header("Authorization", admin).contentType(ContentType.JSON).body(request())
                .post("/api/v1/policy/evaluate").then().statusCode(200)
                .body("policy.outcome", equalTo("allow")).body("policy.ruleId", equalTo("SP-11"))
                .extract().path("policy.versionHash");

        String content = given().header("Authorization", admin).get("/api/v1/rulesets/spend-policy/versions/" + v1)
                .then().statusCode(200).extract().path("content");
        String changed = content.replace("<text>&gt;= 5000</text>", "<text>&gt;= 4000</text>");
        assertNotEquals(content, changed, "the warn threshold row was not found");
        String v2 = given().header("Authorization", admin).contentType("application/xml").body(changed)
                .post("/api/v1/rulesets/spend-policy/versions?note=warn%20from%204000").then().statusCode(201)
                .extract().path("hash");
        given().header("Authorization", bearer(T, "fin", "finance")).post("/api/v1/rulesets/spend-policy/versions/" + v2 + "/publish")
                .then().statusCode(403);
        given().header("Authorization", admin).post("/api/v1/rulesets/spend-policy/versions/" + v2 + "/publish").then().statusCode(200);

        given().header("Authorization", admin).contentType(ContentType.JSON).body(request())
                .post("/api/v1/policy/evaluate").then().statusCode(200)
                .body("policy.outcome", equalTo("warn")).body("policy.ruleId", equalTo("SP-10"))
                .body("policy.versionHash", equalTo(v2));
        given().header("Authorization", bearer(T, "pat", "platform")).contentType(ContentType.JSON).body(request())
                .post("/api/v1/spend-requests").then().statusCode(201)
                .body("outcome", equalTo("warn")).body("policyVersion", equalTo(v2));
    }
}
