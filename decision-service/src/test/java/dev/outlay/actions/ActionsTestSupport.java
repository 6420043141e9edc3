package dev.outlay.actions;

import io.restassured.http.ContentType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;

/** Creating webhook connections through the API, and reading or nudging outbox rows as the superuser. */
final class ActionsTestSupport {

    static final String SECRET = "whsec-test-0123456789abcdef";

    private ActionsTestSupport() {
    }

    static String admin(String tenant) {
        return bearer(tenant, "root", "admin");
    }

    static String webhook(String tenant, String name, String path) {
        return given().header("Authorization", admin(tenant)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "webhook", "url", WebhookReceiver.url(path), "secret", SECRET))
                .post("/api/v1/integrations").then().statusCode(201).extract().path("id");
    }

    /** A policy violation of {@code owner} recorded through the API (7000 of standard in prod); its id. */
    static String violation(String tenant, String owner) {
        return given().header("Authorization", bearer(tenant, "fo", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("owner", owner, "resourceClass", "standard", "environment", "prod", "amount", 7000,
                        "evidence", Map.of("resourceId", "i-0abc", "day", "2026-11-20")))
                .post("/api/v1/violations").then().statusCode(201).extract().path("id");
    }

    /**
     * Publishes a version of the tenant's routing rule set with a new first row: events of {@code owner} go to
     * {@code channel}/{@code target} (the golden scenarios, which publishing re-runs, name no such owner).
     */
    static void routeOwner(String tenant, String owner, String channel, String target) {
        String fo = bearer(tenant, "fo", "finops_admin");
        String hash = given().header("Authorization", fo).get("/api/v1/rulesets/notification-routing/versions").then().statusCode(200)
                .extract().path("[0].hash");
        String content = given().header("Authorization", fo).get("/api/v1/rulesets/notification-routing/versions/" + hash).then()
                .statusCode(200).extract().path("content");
        String row = "<rule id=\"nrt0\"><inputEntry id=\"nrt0i0\"><text>-</text></inputEntry><inputEntry id=\"nrt0i1\"><text>-</text></inputEntry>"
                + "<inputEntry id=\"nrt0i2\"><text>\"" + owner + "\"</text></inputEntry><inputEntry id=\"nrt0i3\"><text>-</text></inputEntry>"
                + "<inputEntry id=\"nrt0i4\"><text>-</text></inputEntry><outputEntry id=\"nrt0o0\"><text>\"" + channel + "\"</text></outputEntry>"
                + "<outputEntry id=\"nrt0o1\"><text>\"" + target + "\"</text></outputEntry><outputEntry id=\"nrt0o2\"><text>\"NR-T0\"</text></outputEntry></rule>";
        String routed = content.replace("<rule id=\"nr01\">", row + "<rule id=\"nr01\">");
        if (routed.equals(content)) throw new IllegalStateException("rule nr01 not found in the routing rule set");
        String draft = given().header("Authorization", fo).contentType("application/xml").body(routed)
                .post("/api/v1/rulesets/notification-routing/versions?note=test-route").then().statusCode(201).extract().path("hash");
        given().header("Authorization", fo).post("/api/v1/rulesets/notification-routing/versions/" + draft + "/publish").then().statusCode(200);
    }

    /** Makes every waiting delivery of the tenant due now (stands in for time passing). */
    static void makeDue(String superuserUrl, String tenant) throws SQLException {
        exec(superuserUrl, "UPDATE outlay.action_delivery SET next_attempt_at = now() - interval '1 second' WHERE tenant_id = ? AND status = 'pending'", tenant);
    }

    static void expireLeases(String superuserUrl, String tenant) throws SQLException {
        exec(superuserUrl, "UPDATE outlay.action_delivery SET lease_until = now() - interval '1 second' WHERE tenant_id = ? AND status = 'sending'", tenant);
    }

    static long count(String superuserUrl, String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(superuserUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String string(String superuserUrl, String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(superuserUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void exec(String superuserUrl, String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(superuserUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }
}
