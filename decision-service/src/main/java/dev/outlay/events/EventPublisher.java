/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Drains the domain event outbox to Kafka, tenant by tenant (each under its own tenant binding, so row-level
 * security holds). Runs where {@code outlay.kafka.publisher} is true; several instances may run it: a tenant is
 * published by one of them at a time ({@link OutboxRows#claim}), so its events keep their order.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    /** A tenant with a backlog gets this many batches per pass, so one tenant cannot hold the others up for long. */
    static final int MAX_BATCHES_PER_TENANT = 20;

    @Inject
    KafkaConfig config;

    @Inject
    TenantRegistry tenants;

    @Inject
    OutboxBatch batch;

    /** Events on without brokers is a configuration mistake: refuse to start rather than fill the outbox silently. */
    void check(@Observes StartupEvent e) {
        if (config.enabled()) KafkaClients.servers(config);
    }

    @Scheduled(every = "${outlay.kafka.publish-every:2s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled() || !config.publisher()) return;
        try {
            publishAll();
        } catch (RuntimeException e) {
            LOG.warn("domain event publishing failed", e);
        }
    }

    /** One pass over every active tenant; returns how many events were published. */
    public synchronized int publishAll() {
        int published = 0;
        for (String tenant : tenants.activeIds()) {
            try {
                published += publishTenant(tenant);
            } catch (RuntimeException e) {
                LOG.warnf(e, "tenant %s: domain events not published this pass", tenant);
            }
        }
        return published;
    }

    public synchronized int publishTenant(String tenant) {
        return TenantContext.runAs(TenantContext.system(tenant), () -> {
            int published = 0;
            for (int i = 0; i < MAX_BATCHES_PER_TENANT; i++) {
                OutboxBatch.Step s = batch.publish(config.batchSize());
                published += s.published();
                // a partly acknowledged batch means the broker is struggling: the rest waits for the next pass
                if (s.claimed() < config.batchSize() || s.published() < s.claimed()) break;
            }
            return published;
        });
    }
}
