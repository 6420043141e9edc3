/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import dev.outlay.actions.ActionEvent;
import dev.outlay.actions.ActionOutbox;
import dev.outlay.actions.EventKind;
import dev.outlay.api.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Marks an ingestion failed and writes its {@code ingestion_failure} action event in one transaction, so the
 * manifest never says "failed" without the owner hearing of it, and a failure mark that rolls back notifies nobody.
 * If the event cannot be written (a broken routing rule set) the failure is still recorded on its own: a load must
 * never be left "running" because a notification could not be routed.
 */
@ApplicationScoped
public class IngestionFailures {

    private static final Logger LOG = Logger.getLogger(IngestionFailures.class);

    @Inject
    IngestionRepository manifest;

    @Inject
    ActionOutbox actions;

    public void fail(UUID id, String source, String objectKey, Problem problem, long bytesRead, long rowsRead) {
        try {
            QuarkusTransaction.requiringNew().run(() -> failWithEvent(id, source, objectKey, problem, bytesRead, rowsRead));
        } catch (RuntimeException e) {
            LOG.warnf(e, "ingestion %s: the failure event could not be written; recording the failure alone", id);
            manifest.markFailed(id, problem, bytesRead, rowsRead);
        }
    }

    private void failWithEvent(UUID id, String source, String objectKey, Problem problem, long bytesRead, long rowsRead) {
        manifest.markFailed(id, problem, bytesRead, rowsRead);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", "Ingestion of " + source + (objectKey == null ? "" : " (" + objectKey + ")") + " failed: " + problem.title());
        payload.put("ingestionId", id.toString());
        payload.put("source", source);
        if (objectKey != null) payload.put("objectKey", objectKey);
        payload.put("title", problem.title());
        if (problem.detail() != null) payload.put("detail", problem.detail());
        payload.put("rowsRead", rowsRead);
        actions.emit(new ActionEvent(EventKind.INGESTION_FAILURE, "ingestion", id.toString(), "high", null, null, null, null, payload));
    }
}
