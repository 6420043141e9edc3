/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import dev.outlay.platform.Secrets;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Delivers the outbox, one thread for the installation (synchronized; the scheduler skips a run while one is busy).
 * A delivery is marked {@code sending} with a lease before its HTTP call and completed after; if the process dies
 * in between, the lease runs out and the next run sends again with the same idempotency key, so the receiver sees
 * a duplicate it can drop and Outlay keeps exactly one delivery row, which ends {@code delivered}.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    ActionsConfig config;

    @Inject
    TenantRegistry tenants;

    @Inject
    DeliveryStore deliveries;

    @Inject
    IntegrationStore integrations;

    @Inject
    Secrets secrets;

    @Inject
    Instance<Channel> channels;

    private volatile Runnable afterSend = () -> { };

    /** Tests only: runs after the HTTP call and before completion, to stand in for a crash at the worst moment. */
    void afterSendHook(Runnable hook) {
        afterSend = hook == null ? () -> { } : hook;
    }

    @Scheduled(every = "${outlay.actions.poll-every:5s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.worker()) return;
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("delivery run failed", e);
        }
    }

    /** One pass over every active tenant; returns how many deliveries were attempted. */
    public synchronized int runOnce() {
        int attempted = 0;
        for (String tenant : tenants.activeIds()) {
            try {
                attempted += runTenant(tenant);
            } catch (RuntimeException e) {
                // One tenant's broken delivery must not starve the others; its lease makes it due again later.
                LOG.warnf(e, "tenant %s: delivery run interrupted", tenant);
            }
        }
        return attempted;
    }

    public synchronized int runTenant(String tenant) {
        return TenantContext.runAs(TenantContext.system(tenant), () -> {
            int n = 0;
            for (Claimed d : deliveries.claim(config.batchSize(), config.lease())) {
                deliver(d);
                n++;
            }
            return n;
        });
    }

    private void deliver(Claimed d) {
        if (d.leaseExpired()) {
            deliveries.attempt(d.id(), d.attempt() - 1, "lease_expired", null, "the previous attempt did not complete; sending again with the same key");
        }
        if (d.attempt() > config.maxAttempts()) {
            // Every recent attempt died before completing (the send itself keeps failing the worker): stop, by hand from here.
            deliveries.complete(d, DeliveryStatus.DEAD, new SendResult(null, null, "attempts kept being interrupted"), null, "dead");
            return;
        }
        Optional<Integration> connection = integrations.findByName(d.channel(), d.target());
        Optional<Channel> channel = channels.stream().filter(c -> c.kind().equals(d.channel())).findFirst();
        if (connection.isEmpty() || channel.isEmpty()) {
            String why = connection.isEmpty() ? IntegrationStore.missing(d.channel(), d.target())
                    : "channel " + d.channel() + " is not available in this installation";
            deliveries.complete(d, DeliveryStatus.HELD, new SendResult(null, null, why), null, "held");
            return;
        }
        Integration target = connection.get();
        String secret = secrets.box().open(integrations.sealedSecret(target.id()), TenantContext.requireTenant(), IntegrationService.purpose(target.id()));
        SendResult r = channel.get().send(target, secret, new Outbound(d.id(), d.idempotencyKey(), deliveries.body(d.id()), d.leaseExpired()));
        afterSend.run();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (r.ok()) {
            deliveries.complete(d, DeliveryStatus.DELIVERED, r, null, "delivered");
            if (!target.healthy()) integrations.health(target.id(), true, null);
        } else if (r.connectionBroken()) {
            // Our credentials or the endpoint are wrong, not the message: keep it (not counted down) until fixed.
            integrations.health(target.id(), false, r.error());
            deliveries.complete(d, DeliveryStatus.HELD, r, null, "held");
        } else if (r.retryable() && d.attempt() < config.maxAttempts()) {
            Instant next = now.plus(Backoff.after(d.attempt(), r.retryAfter(), config.backoffBase(), config.backoffMax()));
            deliveries.complete(d, DeliveryStatus.PENDING, r, next, "retry");
        } else {
            deliveries.complete(d, DeliveryStatus.DEAD, r, null, "dead");
            LOG.warnf("delivery %s dead-lettered after %d attempts: %s", d.id(), d.attempt(), r.error());
        }
    }
}
