/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.usage;

import dev.outlay.ingestion.IngestionRepository;
import dev.outlay.ingestion.IngestionSucceeded;
import dev.outlay.tenancy.UserFirstSeen;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Emits the metering events of product actions. Connections call it inside their own transaction (the event
 * commits or rolls back with the change); ingestions and seats are observed after they happened. Metering never
 * fails the action it meters: a failed append of an observed event is logged.
 */
@ApplicationScoped
public class UsageMeter {

    private static final Logger LOG = Logger.getLogger(UsageMeter.class);

    @Inject
    UsageStore store;

    @Inject
    IngestionRepository ingestions;

    @Transactional(Transactional.TxType.MANDATORY)
    public void connectionAdded(UUID connection, String kind) {
        store.append(UsageMetric.CONNECTED_SOURCES, "connection.added", 1, "connection", connection.toString(), kind);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void connectionRemoved(UUID connection, String kind) {
        store.append(UsageMetric.CONNECTED_SOURCES, "connection.removed", -1, "connection", connection.toString(), kind);
    }

    void ingested(@Observes IngestionSucceeded e) {
        try {
            ingestions.find(e.ingestionId()).ifPresent(i -> store.append(UsageMetric.INGESTED_ROWS, "ingestion.succeeded",
                    i.counts().rowsLoaded(), "ingestion", i.id().toString(), i.source()));
        } catch (RuntimeException ex) {
            LOG.warnf(ex, "ingestion %s: could not record its usage event", e.ingestionId());
        }
    }

    void seat(@Observes UserFirstSeen e) {
        try {
            store.append(UsageMetric.SEATS, "seat.added", 1, "user", e.subject(), null);
        } catch (RuntimeException ex) {
            LOG.warnf(ex, "user %s: could not record the seat's usage event", e.subject());
        }
    }
}
