/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;

/**
 * The one producer of the instance, created on first use (a service with Kafka off never connects). Each event is a
 * record on {@code outlay.kafka.topic} keyed by the tenant id (one partition per tenant, so a tenant's events keep
 * their order), the envelope as JSON value, and {@code kind}, {@code schemaVersion}, {@code eventId} headers so a
 * consumer can filter without parsing.
 */
@ApplicationScoped
public class EventProducer {

    @Inject
    KafkaConfig config;

    @Inject
    ObjectMapper json;

    private KafkaProducer<String, String> producer;

    synchronized KafkaProducer<String, String> producer() {
        if (producer == null) producer = KafkaClients.producer(config);
        return producer;
    }

    /**
     * Sends the envelopes in order; the futures complete when the broker has them (acks=all) or the send timed out.
     * The topic's metadata is fetched first: without it every single send would block for max.block.ms, so a batch
     * against an unreachable broker fails once (a KafkaException here) instead of once per event.
     */
    public List<Future<RecordMetadata>> send(List<Envelope> events) {
        KafkaProducer<String, String> p = producer();
        p.partitionsFor(config.topic());
        return events.stream().map(e -> p.send(record(e))).toList();
    }

    public Duration timeout() {
        return config.sendTimeout();
    }

    ProducerRecord<String, String> record(Envelope e) {
        String value;
        try {
            value = json.writeValueAsString(e);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("envelope is not serialisable", x);
        }
        ProducerRecord<String, String> r = new ProducerRecord<>(config.topic(), e.tenantId(), value);
        r.headers().add(new RecordHeader("kind", e.kind().getBytes(StandardCharsets.UTF_8)));
        r.headers().add(new RecordHeader("schemaVersion", String.valueOf(e.schemaVersion()).getBytes(StandardCharsets.UTF_8)));
        r.headers().add(new RecordHeader("eventId", e.eventId().toString().getBytes(StandardCharsets.UTF_8)));
        r.headers().add(new RecordHeader("content-type", "application/json".getBytes(StandardCharsets.UTF_8)));
        return r;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) producer.close(Duration.ofSeconds(5));
        producer = null;
    }
}
