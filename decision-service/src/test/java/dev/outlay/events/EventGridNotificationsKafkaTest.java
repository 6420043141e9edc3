/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import com.azure.storage.blob.BlobContainerClient;
import dev.outlay.support.AzuriteProcess;
import dev.outlay.support.KafkaProfile;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An Event Grid BlobCreated event (as delivered to Kafka) for a new Cost Management export manifest in Azurite polls
 * the tenant's azure-blob connection for the run's month; delivered twice, it loads once.
 */
@QuarkusTest
@TestProfile(KafkaProfile.class)
class EventGridNotificationsKafkaTest {

    static final String T = "kafka-eventgrid";
    static final String CONTAINER = "msexports";
    static final String FOLDER = "grid/acme-focus/20240901-20240930/202410011200";
    static final String MANIFEST = FOLDER + "/6f1d1e3a-0000-4000-8000-202410011200/manifest.json";
    static AzuriteProcess azurite;

    Function<String, String> kafkaBroker; // injected by KafkaTestResource

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "outlay.kafka.notifications.topic")
    String topic;

    @BeforeAll
    static void exportInAzurite() throws Exception {
        azurite = AzuriteProcess.start();
        BlobContainerClient blobs = azurite.container(CONTAINER);
        byte[] data = BillingNotificationsKafkaTest.fixture("fixtures/azure/focus-cost.csv");
        String part = FOLDER + "/6f1d1e3a-0000-4000-8000-202410011200/part_0_0001.csv";
        azurite.put(blobs, part, data);
        long rows = new String(data, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count() - 1;
        String manifest = "{\"manifestVersion\":\"2024-04-01\",\"byteCount\":" + data.length + ",\"blobCount\":1,\"dataRowCount\":" + rows
                + ",\"exportConfig\":{\"exportName\":\"acme-focus\",\"resourceId\":\"/providers/Microsoft.Billing/billingAccounts/8611537\","
                + "\"dataVersion\":\"1.0\",\"apiVersion\":\"2023-07-01-preview\",\"type\":\"FocusCost\",\"timeFrame\":\"MonthToDate\","
                + "\"granularity\":\"Daily\"},\"deliveryConfig\":{\"partitionData\":false,\"dataOverwriteBehavior\":\"CreateNewReport\","
                + "\"fileFormat\":\"Csv\",\"compressionMode\":\"None\",\"containerUri\":\"/msexports\",\"rootFolderPath\":\"grid\"},"
                + "\"runInfo\":{\"executionType\":\"Scheduled\",\"submittedTime\":\"2024-10-01T12:00:00Z\",\"runId\":\"6f1d1e3a-0000-4000-8000-202410011200\","
                + "\"startDate\":\"2024-09-01T00:00:00\",\"endDate\":\"2024-09-30T00:00:00\"},\"blobs\":[{\"blobName\":\"" + part
                + "\",\"byteCount\":" + data.length + ",\"dataRowCount\":" + rows + "}]}";
        azurite.put(blobs, MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        if (azurite != null) azurite.close();
    }

    @Test
    void aBlobCreatedEventForAManifestLoadsTheRunOnce() throws Exception {
        Map<String, Object> config = Map.of("storageAccount", AzuriteProcess.ACCOUNT, "endpoint", azurite.endpoint(), "container", CONTAINER,
                "prefix", "grid", "dataset", "focus", "focusExport", "acme-focus");
        String id = given().header("Authorization", bearer(T, "root", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "acme-azure", "kind", "azure-blob", "config", config, "credentials", Map.of("accountKey", AzuriteProcess.KEY)))
                .post("/api/v1/connections").then().statusCode(201).extract().path("id");
        double before = count(NotificationHandler.TRIGGERED) + count(NotificationHandler.DUPLICATE);
        // Event Grid schema, an array of one event, the blob URL of the emulator (account in the path)
        String event = "[{\"topic\":\"/subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/devstoreaccount1\","
                + "\"subject\":\"/blobServices/default/containers/msexports/blobs/" + MANIFEST + "\",\"eventType\":\"Microsoft.Storage.BlobCreated\","
                + "\"id\":\"1\",\"data\":{\"api\":\"PutBlob\",\"eTag\":\"0x8DCE1\",\"contentType\":\"application/json\",\"blobType\":\"BlockBlob\","
                + "\"url\":\"" + azurite.endpoint() + "/" + CONTAINER + "/" + MANIFEST + "\"},\"dataVersion\":\"\",\"metadataVersion\":\"1\","
                + "\"eventTime\":\"2024-10-01T12:05:00Z\"}]";
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBroker.apply("servers"));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, CONTAINER, event)).get();
            producer.send(new ProducerRecord<>(topic, CONTAINER, event)).get();
        }
        long deadline = System.currentTimeMillis() + 120_000;
        while (count(NotificationHandler.TRIGGERED) + count(NotificationHandler.DUPLICATE) < before + 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        String fo = bearer(T, "fo", "finops_admin");
        List<Map<String, Object>> ingestions = given().header("Authorization", fo).get("/api/v1/ingestions").then().statusCode(200)
                .extract().path("$");
        assertEquals(1, ingestions.size(), "one load for two deliveries: " + ingestions);
        assertEquals("succeeded", ingestions.get(0).get("status"), ingestions.toString());
        given().header("Authorization", fo).get("/api/v1/connections/" + id).then().statusCode(200)
                .body("lastPoll.detail", containsString("2024-09: succeeded"));
    }

    private double count(String outcome) {
        return meters.counter("outlay.kafka.notifications", "outcome", outcome).count();
    }
}
