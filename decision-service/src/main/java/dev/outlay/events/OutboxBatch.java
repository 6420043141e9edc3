/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One publishing step for the current tenant, in one transaction: claim unpublished rows, send them, stamp the ones
 * the broker acknowledged. A crash after the send and before the commit leaves the rows unpublished and they go
 * again: that is the at-least-once case consumers deduplicate by eventId. A broker that is down fails the sends
 * within the send timeout; nothing is stamped and the rows wait for the next pass.
 */
@ApplicationScoped
public class OutboxBatch {

    private static final Logger LOG = Logger.getLogger(OutboxBatch.class);

    @Inject
    OutboxRows rows;

    @Inject
    EventProducer producer;

    /** What one step did: rows claimed, rows published (acknowledged). */
    public record Step(int claimed, int published) {
    }

    @Transactional
    public Step publish(int limit) {
        List<Envelope> claimed = rows.claim(limit);
        if (claimed.isEmpty()) return new Step(0, 0);
        List<Future<RecordMetadata>> sent;
        try {
            sent = producer.send(claimed);
        } catch (RuntimeException e) {
            // e.g. the metadata of the topic could not be fetched within max.block.ms: the broker is not there
            LOG.warnf("domain events not sent (%d waiting): %s", claimed.size(), e.getMessage());
            return new Step(claimed.size(), 0);
        }
        long deadline = System.nanoTime() + producer.timeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
        List<UUID> acked = new ArrayList<>();
        String failure = null;
        for (int i = 0; i < claimed.size(); i++) {
            try {
                sent.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acked.add(claimed.get(i).eventId());
            } catch (ExecutionException | TimeoutException e) {
                failure = e.getCause() == null ? e.toString() : e.getCause().toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
                break;
            }
        }
        rows.markPublished(acked);
        if (failure != null) LOG.warnf("%d of %d domain events not acknowledged; they go again: %s", claimed.size() - acked.size(), claimed.size(), failure);
        return new Step(claimed.size(), acked.size());
    }
}
