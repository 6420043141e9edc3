/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.anomalies.AnomalyApiTest;
import dev.outlay.decisions.DecisionService;
import dev.outlay.support.KafkaProfile;
import dev.outlay.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Domain events on a real (in-process KRaft) broker: every kind appears after its real action through the REST
 * API, keyed by tenant, with its schema version; a re-send is dropped by the eventId dedup; a rolled-back change
 * publishes nothing; with the broker down the events wait in the outbox and go once it is back.
 */
@QuarkusTest
@TestProfile(KafkaProfile.class)
class DomainEventsKafkaTest {

    static final ObjectMapper JSON = new ObjectMapper();

    Function<String, String> kafkaBroker; // injected by KafkaTestResource

    @Inject
    EventPublisher publisher;

    @Inject
    DecisionService decisions;

    @ConfigProperty(name = "outlay.kafka.topic")
    String topic;

    @ConfigProperty(name = "test.superuser-url")
    String superuserUrl;

    @Test
    void everyKindReachesTheBrokerAfterItsDomainAction() throws Exception {
        String t = "kafka-events";
        String fo = bearer(t, "fo", "finops_admin");
        // ingestion.succeeded, then allocation.run.finished (with decision.logged), finding.opened from the scan
        ingest(fo, "findings-ledger.csv", eipLedger());
        sql(t, "UPDATE outlay.ledger_charge SET x_usage_type = 'EU-PublicIPv4:IdleAddress' WHERE resource_id = 'eipalloc-0idle'");
        given().header("Authorization", fo).contentType(ContentType.JSON).body(Map.of("billingPeriod", "2026-02"))
                .post("/api/v1/allocations/runs?wait=true").then().statusCode(201);
        given().header("Authorization", fo).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/findings/scan?asOf=2026-02-28&wait=true").then().statusCode(201);
        // violation.raised
        given().header("Authorization", fo).contentType(ContentType.JSON)
                .body(Map.of("owner", "team-ml", "resourceClass", "standard", "environment", "prod", "amount", 7000))
                .post("/api/v1/violations").then().statusCode(201);
        // anomaly.detected, then anomaly.state-changed
        String a = "kafka-anomalies";
        String afo = bearer(a, "fo", "finops_admin");
        ingest(afo, "anomaly-ledger.csv", AnomalyApiTest.ledger());
        List<Map<String, Object>> found = given().header("Authorization", afo).contentType(ContentType.JSON)
                .body(Map.of("from", "2024-08-15", "to", "2024-09-25")).post("/api/v1/anomalies/detect").then().statusCode(200)
                .extract().path("anomalies");
        assertEquals(1, found.size(), found.toString());
        given().header("Authorization", bearer(a, "eng", "engineering")).post("/api/v1/anomalies/" + found.get(0).get("id") + "/resolve")
                .then().statusCode(200);
        // close.state-changed
        String c = "kafka-close";
        ingest(bearer(c, "loader", "finops_admin"), "october.csv", october());
        given().header("Authorization", bearer(c, "alloc", "finops_admin")).contentType(ContentType.JSON).body(Map.of("billingPeriod", "2024-10"))
                .post("/api/v1/allocations/runs?wait=true").then().statusCode(201);
        given().header("Authorization", bearer(c, "fiona", "finance")).post("/api/v1/close/periods/2024-10/preliminary").then().statusCode(202);

        publisher.publishAll();
        List<ConsumerRecord<String, String>> records = EventsTopic.readAll(kafkaBroker.apply("servers"), topic);
        Map<String, List<JsonNode>> byTenant = new DeduplicatingReader().accept(records).stream()
                .collect(Collectors.groupingBy(e -> e.get("tenantId").asText()));
        for (ConsumerRecord<String, String> r : records) {
            JsonNode e = JSON.readTree(r.value());
            assertEquals(e.get("tenantId").asText(), r.key(), "the record key is the tenant");
            assertEquals(e.get("kind").asText(), header(r, "kind"));
            assertEquals(e.get("schemaVersion").asText(), header(r, "schemaVersion"));
            assertEquals(e.get("eventId").asText(), header(r, "eventId"));
        }
        assertKinds(byTenant.get(t), "ingestion.succeeded", "allocation.run.finished", "decision.logged", "finding.opened", "violation.raised");
        assertKinds(byTenant.get(a), "ingestion.succeeded", "anomaly.detected", "anomaly.state-changed", "decision.logged");
        assertKinds(byTenant.get(c), "ingestion.succeeded", "allocation.run.finished", "close.state-changed");

        JsonNode ingestion = first(byTenant.get(t), "ingestion.succeeded");
        assertEquals(1, ingestion.get("schemaVersion").asInt());
        assertEquals("focus", ingestion.at("/data/source").asText());
        assertEquals(84, ingestion.at("/data/rowsLoaded").asInt());
        JsonNode run = first(byTenant.get(t), "allocation.run.finished");
        assertEquals("succeeded", run.at("/data/status").asText());
        assertEquals("2026-02-01", run.at("/data/billingPeriod").asText());
        JsonNode finding = byTenant.get(t).stream().filter(e -> e.get("kind").asText().equals("finding.opened")
                && e.at("/data/resourceId").asText().equals("eipalloc-0idle")).findFirst().orElseThrow();
        assertEquals("waste.eip.idle", finding.at("/data/detector").asText());
        assertEquals("USD", finding.at("/data/savings/0/currency").asText());
        // the findings scan triages its findings as violations too: take the observed spend's
        JsonNode violation = byTenant.get(t).stream().filter(e -> e.get("kind").asText().equals("violation.raised")
                && e.at("/data/owner").asText().equals("team-ml")).findFirst().orElseThrow();
        assertEquals("standard", violation.at("/data/resourceClass").asText());
        assertEquals(0, new BigDecimal("7000").compareTo(new BigDecimal(violation.at("/data/amount/amount").asText())));
        assertTrue(violation.at("/data/amount/amount").isTextual(), "money is a decimal string");
        JsonNode anomaly = first(byTenant.get(a), "anomaly.detected");
        assertEquals("2024-09-10", anomaly.at("/data/day").asText());
        assertEquals("increase", anomaly.at("/data/direction").asText());
        JsonNode resolved = first(byTenant.get(a), "anomaly.state-changed");
        assertEquals("open", resolved.at("/data/from").asText());
        assertEquals("resolved", resolved.at("/data/to").asText());
        assertEquals(List.of("OPEN>PRELIMINARY", "PRELIMINARY>IN_REVIEW"), byTenant.get(c).stream()
                .filter(e -> e.get("kind").asText().equals("close.state-changed"))
                .map(e -> e.at("/data/from").asText() + ">" + e.at("/data/to").asText()).toList());
        // every event matches its documented JSON Schema (required fields present, no undocumented field)
        byTenant.values().forEach(events -> events.forEach(DocumentedSchemas::check));
    }

    @Test
    void aReSendIsDroppedByTheEventIdDedup() throws Exception {
        String t = "kafka-dedup";
        for (int i = 0; i < 3; i++) evaluate(t);
        publisher.publishAll();
        List<ConsumerRecord<String, String>> once = tenantRecords(t);
        assertEquals(3, once.size());
        // the publisher died after the broker acknowledged and before its commit: the same rows go again
        sql(t, "UPDATE outlay.domain_event SET published_at = NULL");
        publisher.publishAll();
        List<ConsumerRecord<String, String>> twice = tenantRecords(t);
        assertEquals(6, twice.size(), "at least once: the re-send is on the broker");
        List<JsonNode> unique = new DeduplicatingReader().accept(twice);
        assertEquals(3, unique.size());
        assertEquals(once.stream().map(r -> header(r, "eventId")).toList(), unique.stream().map(e -> e.get("eventId").asText()).toList());
        assertEquals(twice.subList(0, 3).stream().map(ConsumerRecord::value).toList(), twice.subList(3, 6).stream().map(ConsumerRecord::value).toList(),
                "a re-send carries the same bytes");
    }

    @Test
    void aRolledBackChangePublishesNothing() throws Exception {
        String t = "kafka-rollback";
        given().header("Authorization", bearer(t, "fo", "finops_admin")).get("/api/v1/me").then().statusCode(200);
        // a logged decision whose surrounding change then fails: the log row and its event roll back together
        assertThrows(RuntimeException.class, () -> TenantContext.runAs(TenantContext.system(t), () ->
                QuarkusTransaction.requiringNew().run(() -> {
                    decisions.evaluate("spend-policy", null, Map.of("resourceClass", "standard", "environment", "dev", "amount", 100,
                            "budgetRemaining", 50000, "forecastOverrunPct", 0, "owner", "web"));
                    throw new IllegalStateException("the change fails after its event was written");
                })));
        assertEquals(0, count(t, "SELECT count(*) FROM outlay.domain_event WHERE tenant_id = ?"));
        assertEquals(0, count(t, "SELECT count(*) FROM outlay.decision_log WHERE tenant_id = ?"));
        // the same call committed does write it (so the zero above is the rollback, not a path without events)
        TenantContext.runAs(TenantContext.system(t), () -> QuarkusTransaction.requiringNew().run(() ->
                decisions.evaluate("spend-policy", null, Map.of("resourceClass", "standard", "environment", "dev", "amount", 100,
                        "budgetRemaining", 50000, "forecastOverrunPct", 0, "owner", "web"))));
        assertEquals(1, count(t, "SELECT count(*) FROM outlay.domain_event WHERE tenant_id = ?"));
        sql(t, "UPDATE outlay.domain_event SET published_at = now()");
        publisher.publishAll();
        assertEquals(0, tenantRecords(t).size());
    }

    @Test
    void withTheBrokerDownEventsWaitAndGoLater() throws Exception {
        String t = "kafka-down";
        evaluate(t);
        kafkaBroker.apply("down");
        try {
            evaluate(t);
            assertEquals(0, publisher.publishTenant(t));
            assertEquals(2, unpublished(t), "nothing is stamped without the broker's acknowledgement");
        } finally {
            kafkaBroker.apply("up");
        }
        long deadline = System.currentTimeMillis() + 30_000;
        int published = 0;
        while (published < 2 && System.currentTimeMillis() < deadline) {
            published += publisher.publishTenant(t);
            if (published < 2) Thread.sleep(500);
        }
        assertEquals(2, published);
        assertEquals(0, unpublished(t));
        assertEquals(2, new DeduplicatingReader().accept(tenantRecords(t)).size());
    }

    private void evaluate(String tenant) {
        given().header("Authorization", bearer(tenant, "fo", "finops_admin")).contentType(ContentType.JSON)
                .body(Map.of("resourceClass", "standard", "environment", "dev", "amount", 100, "budgetRemaining", 50000,
                        "forecastOverrunPct", 0, "owner", "web"))
                .post("/api/v1/decisions/spend-policy/evaluate").then().statusCode(200);
    }

    private List<ConsumerRecord<String, String>> tenantRecords(String tenant) {
        return EventsTopic.readAll(kafkaBroker.apply("servers"), topic).stream().filter(r -> tenant.equals(r.key())).toList();
    }

    private static void assertKinds(List<JsonNode> events, String... kinds) {
        assertTrue(events != null, "no events at all");
        Set<String> seen = events.stream().map(e -> e.get("kind").asText()).collect(Collectors.toCollection(TreeSet::new));
        for (String k : kinds) assertTrue(seen.contains(k), k + " missing; seen " + seen);
        events.forEach(e -> assertEquals(1, e.get("schemaVersion").asInt()));
    }

    private static JsonNode first(List<JsonNode> events, String kind) {
        return events.stream().filter(e -> e.get("kind").asText().equals(kind)).findFirst().orElseThrow(() -> new AssertionError(kind));
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    static void ingest(String auth, String name, String csv) throws InterruptedException {
        String id = given().header("Authorization", auth).multiPart("source", "focus")
                .multiPart("file", name, csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", auth).get("/api/v1/ingestions/" + id).then().extract().path("status");
        }
        assertEquals("succeeded", status);
    }

    /** FOCUS rows for February 2026: two volumes and an idle address, tagged to teams (as in FindingScanTest). */
    static String eipLedger() {
        StringBuilder sb = new StringBuilder("BilledCost,BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodEnd,"
                + "BillingPeriodStart,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,ChargePeriodEnd,ChargePeriodStart,"
                + "ConsumedQuantity,ConsumedUnit,ContractedCost,EffectiveCost,InvoiceIssuerName,ListCost,PricingCategory,PricingQuantity,"
                + "PricingUnit,ProviderName,PublisherName,RegionId,RegionName,ResourceId,ServiceCategory,ServiceName,SubAccountId,"
                + "SubAccountName,Tags\n");
        for (int i = 0; i < 28; i++) {
            LocalDate d = LocalDate.of(2026, 2, 1).plusDays(i);
            row(sb, d, "0.50", "16", "GB-Mo", "vol-0loose", "Storage", "EBS", "payments");
            row(sb, d, "0.50", "16", "GB-Mo", "vol-0used", "Storage", "EBS", "payments");
            row(sb, d, "0.12", "24", "Hours", "eipalloc-0idle", "Networking", "VPC", "ml");
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, LocalDate d, String cost, String qty, String unit, String resource, String category,
                            String service, String team) {
        sb.append(cost).append(",acct-1,Acme,USD,2026-03-01T00:00:00Z,2026-02-01T00:00:00Z,Usage,,").append(service).append(",Usage-Based,")
                .append(d.plusDays(1)).append("T00:00:00Z,").append(d).append("T00:00:00Z,").append(qty).append(',').append(unit).append(',')
                .append(cost).append(',').append(cost).append(",Amazon Web Services,").append(cost).append(",Standard,").append(qty).append(',')
                .append(unit).append(",AWS,AWS,eu-west-1,Ireland,").append(resource).append(',').append(category).append(',').append(service)
                .append(",111122223333,shop-prod,\"{\"\"team\"\":\"\"").append(team).append("\"\"}\"\n");
    }

    /** October 2024 in EUR, three rows shaped like the allocation fixture's first (as CloseFixtures.october). */
    static String october() throws IOException {
        List<String> lines;
        try (InputStream in = DomainEventsKafkaTest.class.getResourceAsStream("/fixtures/allocation/focus-2024-10-owners.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        String first = lines.get(1);
        java.util.function.BiFunction<String, String[], String> row = (amount, at) -> first.replace("100.1234567890", amount)
                .replace(",acct-1,", "," + at[0] + ",").replace(",Compute,VM,", ",Compute," + at[1] + ",").replace("vm-pay-1", at[2]);
        return lines.get(0) + "\n" + row.apply("100.00", new String[]{"acct-1", "VM", "vm-a"}) + "\n"
                + row.apply("40.00", new String[]{"acct-1", "Storage", "disk-a"}) + "\n"
                + row.apply("25.00", new String[]{"acct-2", "VM", "vm-b"}) + "\n";
    }

    private long unpublished(String tenant) throws Exception {
        return count(tenant, "SELECT count(*) FROM outlay.domain_event WHERE tenant_id = ? AND published_at IS NULL");
    }

    private long count(String tenant, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(superuserUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void sql(String tenant, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(superuserUrl);
             PreparedStatement ps = c.prepareStatement(sql + (sql.contains("WHERE") ? " AND" : " WHERE") + " tenant_id = ?")) {
            ps.setString(1, tenant);
            ps.executeUpdate();
        }
    }
}
