/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.connections.Connection;
import dev.outlay.connections.ConnectionPoller;
import dev.outlay.connections.ConnectionRepository;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one notification message into polls of the connections that read the new export manifest, each once per
 * (connection, key, etag). Never throws: a message that cannot be acted on is logged, counted in
 * {@code outlay_kafka_notifications_total{outcome}} and skipped, so its offset is committed and the consumer moves on.
 */
@ApplicationScoped
public class NotificationHandler {

    private static final Logger LOG = Logger.getLogger(NotificationHandler.class);

    public static final String TRIGGERED = "triggered";
    public static final String DUPLICATE = "duplicate";
    public static final String UNKNOWN_BUCKET = "unknown-bucket";
    public static final String MALFORMED = "malformed";
    public static final String IGNORED = "ignored";
    public static final String FAILED = "failed";

    @Inject
    ObjectMapper json;

    @Inject
    TenantRegistry tenants;

    @Inject
    ConnectionRepository repository;

    @Inject
    ConnectionPoller poller;

    @Inject
    NotificationReceipts receipts;

    @Inject
    MeterRegistry meters;

    /** The outcome per object the message names (empty for a message that names none, e.g. a removal). */
    public List<String> handle(String message) {
        List<ObjectCreated> objects;
        try {
            objects = new NotificationParser(json).parse(message);
        } catch (MalformedNotificationException e) {
            LOG.warnf("billing notification skipped, malformed: %s", e.getMessage());
            count(MALFORMED);
            return List.of(MALFORMED);
        }
        List<String> outcomes = new ArrayList<>();
        for (ObjectCreated o : objects) {
            String outcome;
            try {
                outcome = handle(o);
            } catch (RuntimeException e) {
                LOG.warnf(e, "billing notification for %s/%s failed", o.bucket(), o.key());
                outcome = FAILED;
            }
            count(outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private String handle(ObjectCreated o) {
        if (!o.isManifest()) return IGNORED;
        String kind = NotificationTargets.kindOf(o);
        List<YearMonth> periods = BillingPeriods.toPoll(o.key(), YearMonth.now(ZoneOffset.UTC));
        List<String> outcomes = new ArrayList<>();
        // A bucket may feed more than one tenant's connection (a shared payer export): each reader polls.
        for (String tenant : tenants.activeIds()) {
            TenantContext.runAs(TenantContext.system(tenant), () -> {
                for (Connection c : repository.enabled(kind)) {
                    if (!NotificationTargets.reads(c, o)) continue;
                    if (!receipts.first(c.id(), o)) {
                        LOG.infof("billing notification for %s/%s (etag %s) already handled for connection %s", o.bucket(), o.key(), o.etag(), c.id());
                        outcomes.add(DUPLICATE);
                        continue;
                    }
                    ConnectionPoller.PollResult r = poller.pollNotified(c, periods);
                    receipts.outcome(c.id(), o, r.status() + ": " + String.join("; ", r.periods()));
                    LOG.infof("billing notification for %s/%s polled connection %s: %s %s", o.bucket(), o.key(), c.id(), r.status(), r.periods());
                    outcomes.add(TRIGGERED);
                }
            });
        }
        if (outcomes.isEmpty()) {
            LOG.warnf("billing notification for %s %s/%s matches no enabled connection; skipped", o.format(), o.bucket(), o.key());
            return UNKNOWN_BUCKET;
        }
        return outcomes.contains(TRIGGERED) ? TRIGGERED : DUPLICATE;
    }

    private void count(String outcome) {
        meters.counter("outlay.kafka.notifications", "outcome", outcome).increment();
    }
}
