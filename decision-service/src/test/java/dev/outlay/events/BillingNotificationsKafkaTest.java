/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import dev.outlay.support.KafkaProfile;
import dev.outlay.support.S3MockProcess;
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
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Billing-file notifications through the broker: an S3 ObjectCreated event for a new CUR 2.0 manifest polls the
 * tenant's connection that reads that bucket and prefix, once, although the event arrives twice; a malformed
 * message, an object of a bucket no connection reads and a data part (not a manifest) are skipped, and the
 * consumer goes on.
 */
@QuarkusTest
@TestProfile(KafkaProfile.class)
class BillingNotificationsKafkaTest {

    static final String T = "kafka-notify";
    static final String BUCKET = "kafka-billing";
    static final String DATA = "cur/acme-focus/data/BILLING_PERIOD=2024-10/acme-focus-00001.csv.gz";
    static final String MANIFEST = "cur/acme-focus/metadata/BILLING_PERIOD=2024-10/acme-focus-Manifest.json";
    static S3MockProcess s3mock;

    Function<String, String> kafkaBroker; // injected by KafkaTestResource

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "outlay.kafka.notifications.topic")
    String topic;

    @BeforeAll
    static void exportInS3() throws Exception {
        s3mock = S3MockProcess.start();
        try (S3Client s3 = s3mock.client()) {
            s3.createBucket(b -> b.bucket(BUCKET));
            s3mock.put(s3, BUCKET, DATA, gzip(fixture("fixtures/aws/cur2-every-line-item-type.csv")));
            s3mock.put(s3, BUCKET, MANIFEST, ("{\"executionId\":\"e1\",\"dataFiles\":[\"s3://" + BUCKET + "/" + DATA + "\"]}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stop() {
        if (s3mock != null) s3mock.close();
    }

    @Test
    void aManifestNotificationIngestsOnceAndBadMessagesAreSkipped() throws Exception {
        Map<String, Object> config = Map.of("bucket", BUCKET, "prefix", "cur", "exportName", "acme-focus", "region", "us-east-1",
                "endpoint", s3mock.endpoint(), "pathStyle", true);
        String id = given().header("Authorization", bearer(T, "root", "admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "acme-cur", "kind", "aws-s3", "config", config,
                        "credentials", Map.of("accessKeyId", "AKIAS3MOCK0009", "secretAccessKey", "s3mock-secret")))
                .post("/api/v1/connections").then().statusCode(201).extract().path("id");

        // the counters belong to the application, which other notification tests share: compare deltas
        Map<String, Double> before = new java.util.HashMap<>();
        for (String o : OUTCOMES) before.put(o, count(o));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBroker.apply("servers"));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String message : List.of(s3Event(BUCKET, MANIFEST, "etag-1"), s3Event(BUCKET, MANIFEST, "etag-1"), "{not json",
                    s3Event(BUCKET, DATA, "etag-2"), s3Event("someone-elses-bucket", MANIFEST, "etag-3"))) {
                producer.send(new ProducerRecord<>(topic, BUCKET, message)).get();
            }
        }
        long deadline = System.currentTimeMillis() + 120_000;
        while (count(NotificationHandler.UNKNOWN_BUCKET) < before.get(NotificationHandler.UNKNOWN_BUCKET) + 1
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        for (String o : OUTCOMES) assertEquals(1, count(o) - before.get(o), o);
        String fo = bearer(T, "fo", "finops_admin");
        List<Map<String, Object>> ingestions = given().header("Authorization", fo).get("/api/v1/ingestions").then().statusCode(200)
                .extract().path("$");
        assertEquals(1, ingestions.size(), "exactly one ingestion, no duplicate entry: " + ingestions);
        assertEquals("succeeded", ingestions.get(0).get("status"));
        assertEquals("acme-cur", ingestions.get(0).get("source"));
        given().header("Authorization", fo).get("/api/v1/connections/" + id).then().statusCode(200)
                .body("lastPoll.status", equalTo("ok"));
    }

    static final List<String> OUTCOMES = List.of(NotificationHandler.TRIGGERED, NotificationHandler.DUPLICATE, NotificationHandler.MALFORMED,
            NotificationHandler.IGNORED, NotificationHandler.UNKNOWN_BUCKET);

    private double count(String outcome) {
        return meters.counter("outlay.kafka.notifications", "outcome", outcome).count();
    }

    /** An S3 event notification as S3 sends it (the key URL-encoded). */
    static String s3Event(String bucket, String key, String etag) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1","eventTime":"2024-11-02T06:00:00.000Z",
                  "eventName":"ObjectCreated:Put","s3":{"s3SchemaVersion":"1.0","bucket":{"name":"%s","arn":"arn:aws:s3:::%s"},
                  "object":{"key":"%s","size":1024,"eTag":"%s","sequencer":"0055AED6DCD90281E5"}}}]}"""
                .formatted(bucket, bucket, key.replace("=", "%3D"), etag);
    }

    static byte[] fixture(String path) throws Exception {
        try (InputStream in = BillingNotificationsKafkaTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
