/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Reads billing-file notifications from {@code outlay.kafka.notifications.topic} on one thread of its own, when
 * {@code outlay.kafka.notifications.enabled}. Offsets are committed after each batch is handled; the handler never
 * throws, so a bad message is skipped rather than redelivered forever. A crash before the commit redelivers the
 * batch, which the (connection, key, etag) receipts make harmless.
 */
@ApplicationScoped
public class NotificationConsumer {

    private static final Logger LOG = Logger.getLogger(NotificationConsumer.class);

    @Inject
    KafkaConfig config;

    @Inject
    NotificationHandler handler;

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    void start(@Observes StartupEvent e) {
        if (!config.notifications().enabled()) return;
        consumer = KafkaClients.consumer(config);
        consumer.subscribe(List.of(config.notifications().topic()));
        running = true;
        thread = new Thread(this::loop, "outlay-billing-notifications");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("consuming billing-file notifications from %s", config.notifications().topic());
    }

    private void loop() {
        try {
            while (running) {
                ConsumerRecords<String, String> records;
                try {
                    records = consumer.poll(Duration.ofMillis(500));
                } catch (WakeupException w) {
                    break;
                }
                for (ConsumerRecord<String, String> r : records) {
                    handler.handle(r.value());
                }
                if (records.isEmpty()) continue;
                try {
                    consumer.commitSync();
                } catch (WakeupException w) {
                    break;
                } catch (RuntimeException x) {
                    // e.g. a rebalance took the partition away: the batch comes again and the receipts skip it
                    LOG.warnf("billing notification offsets not committed: %s", x.getMessage());
                }
            }
        } catch (WakeupException w) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.error("billing notification consumer stopped", e);
        } finally {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("closing the notification consumer", e);
            }
        }
    }

    void stop(@Observes ShutdownEvent e) {
        if (!running) return;
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
        }
    }
}
