/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import dev.outlay.connectors.ChargeReader;
import dev.outlay.connectors.Connectors;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.decisions.ContentHash;
import dev.outlay.ingestion.Ingestion;
import dev.outlay.ingestion.IngestionService;
import dev.outlay.ledger.LedgerLoader;
import dev.outlay.model.SourceKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a connection that reads an API and writes its month as a FOCUS file of its own (seat sources, Stripe, OpenCost)
 * loads that file through the ledger pipeline and records the poll. One place, so every such source gets the same
 * manifest entry, replace scope (the connection's name), idempotency (the file's hash) and failure record: a read
 * that failed becomes a failed ingestion naming where, and the ledger is untouched.
 */
@ApplicationScoped
public class GeneratedFocusLoads {

    static final int MAX_DETAIL = 2000;

    @Inject
    IngestionService ingestion;

    @Inject
    ConnectionRepository repository;

    /** Loads the generated file for the connection; the same bytes again are a duplicate. */
    public Ingestion load(Connection c, String objectKey, byte[] csv) {
        return ingestion.ingestFiles(new IngestionService.Request(SourceKind.FOCUS, c.name(), objectKey, null, false),
                ContentHash.sha256(new String(csv, StandardCharsets.UTF_8)), List.of(file(objectKey, csv, null)));
    }

    /**
     * Records a read that failed before any file existed: a failed ingestion (so the manifest and the SLI show it) whose
     * fault names {@code where}, and the poll's outcome. Returns the failed ingestion's id.
     */
    public UUID recordFailedRead(Connection c, String objectKey, String where, String message) {
        Ingestion failed = ingestion.ingestFiles(new IngestionService.Request(SourceKind.FOCUS, c.name(), objectKey, null, true),
                "failed:" + UUID.randomUUID(), List.of(file(objectKey, null, new SourceFormatException(where, 0, 0, null, message))));
        recordPoll(c, "failed", message);
        return failed.id();
    }

    /** The connection's last poll: status and a detail cut to what the column keeps. */
    public void recordPoll(Connection c, String status, String detail) {
        repository.recordPoll(c.id(), Instant.now(), status, detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail);
    }

    /** The generated file as the loader's source file, or one whose opening fails with {@code fault}. */
    private static LedgerLoader.SourceFile file(String objectKey, byte[] csv, SourceFormatException fault) {
        return new LedgerLoader.SourceFile() {
            @Override
            public String objectKey() {
                return objectKey;
            }

            @Override
            public ChargeReader open() {
                if (fault != null) throw fault;
                return Connectors.open(SourceKind.FOCUS, null, new ByteArrayInputStream(csv), objectKey);
            }
        };
    }
}
