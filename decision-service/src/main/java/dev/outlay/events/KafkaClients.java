/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Properties;

/** Builds the producer and consumer from {@code outlay.kafka.*}; the passthrough client properties come last. */
final class KafkaClients {

    private KafkaClients() {
    }

    static String servers(KafkaConfig config) {
        return config.bootstrapServers().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "outlay.kafka.bootstrap-servers is required when outlay.kafka.enabled or outlay.kafka.notifications.enabled is true"));
    }

    /**
     * Idempotent, acks=all: a retry after a lost acknowledgement is written once by the broker. The timeouts are
     * bounded by the send timeout, because the publisher holds the claimed rows' locks while it waits.
     */
    static KafkaProducer<String, String> producer(KafkaConfig config) {
        long timeout = Math.max(2000, config.sendTimeout().toMillis());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers(config));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "outlay-events");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout / 2));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeout));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout / 2));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.putAll(config.client());
        return new KafkaProducer<>(p);
    }

    /** Offsets are committed by the consumer loop after each handled batch, never automatically. */
    static KafkaConsumer<String, String> consumer(KafkaConfig config) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers(config));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "outlay-billing-notifications");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.notifications().groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.putAll(config.client());
        return new KafkaConsumer<>(p);
    }
}
