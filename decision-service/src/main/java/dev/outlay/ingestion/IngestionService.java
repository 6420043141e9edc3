/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.connectors.ChargeReader;
import dev.outlay.connectors.Connectors;
import dev.outlay.connectors.InvalidConfigException;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.decisions.ContentHash;
import dev.outlay.ledger.LedgerLoader;
import dev.outlay.ledger.LoadResult;
import dev.outlay.model.SourceKind;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accepts billing files and loads them into the caller's ledger on a worker thread (the tenant travels with the
 * job; the request's ThreadLocal does not). Identical bytes for the same source are a no-op "duplicate".
 */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);

    @Inject
    IngestionConfig config;

    @Inject
    IngestionRepository manifest;

    @Inject
    IngestionFailures failures;

    @Inject
    LedgerLoader loader;

    @Inject
    SourceMappingService mappings;

    @Inject
    jakarta.enterprise.event.Event<IngestionSucceeded> succeeded;

    @Inject
    dev.outlay.audit.AuditLog audit;

    /** What the audit log keeps of an accepted upload (or S3 period): which bytes, under which mapping, for which source. */
    public record UploadAudit(String source, String sourceKind, String objectKey, String sha256, Long bytes,
                              String mappingSha256, boolean replay, UUID duplicateOf) {
    }

    @Inject
    dev.outlay.cluster.WorkClaims claims;

    @Inject
    dev.outlay.cluster.ClusterConfig cluster;

    @Inject
    IngestionSpool spool;

    /** The claim kind of ingestions (V330 work_claim). */
    static final String KIND = "ingestion";

    private final AtomicInteger pending = new AtomicInteger();
    private ExecutorService pool;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "outlay-ingest-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /**
     * What to ingest: the kind, the source connection name (replace scope), the file name, the optional mapping, and
     * whether to load even bytes already loaded under the same mapping ({@code replay}: re-derive the rows after an
     * Outlay upgrade changed a source kind's mapping).
     */
    public record Request(SourceKind kind, String source, String objectKey, String mapping, boolean replay) {
        public Request {
            if (source == null || source.isBlank()) source = kind.id();
            if (!source.matches("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}")) {
                throw ProblemException.badRequest("invalid source name", Problem.Fault.at("connection", "letters, digits and . _ : / - only"));
            }
        }

        public Request(SourceKind kind, String source, String objectKey, String mapping) {
            this(kind, source, objectKey, mapping, false);
        }

        /**
         * sha-256 of the mapping text (line endings and trailing blanks normalised, as for rule versions), or null
         * for the kind's fixed mapping: part of what makes bytes a duplicate.
         */
        String mappingSha256() {
            return mapping == null || mapping.isBlank() ? null : ContentHash.sha256(ContentHash.canonicalize(mapping));
        }
    }

    public record Submitted(UUID id, Future<?> job) {
    }

    /** Validates and spools the upload, records it as queued (or duplicate) and starts the load. */
    public Submitted submit(Request req, InputStream body) {
        req = withStoredMapping(req);
        validateMapping(req);
        StagedUpload upload = StagedUpload.spool(body, config.maxUploadBytes());
        return enqueue(req, upload);
    }

    /** Loads on the calling thread (demo seeding); the tenant must be bound. Returns the final manifest entry. */
    public Ingestion ingestNow(Request req, InputStream body) {
        req = withStoredMapping(req);
        validateMapping(req);
        StagedUpload upload = StagedUpload.spool(body, Long.MAX_VALUE);
        UUID id = UUID.randomUUID();
        Caller caller = TenantContext.caller().orElseThrow();
        claims.lease(KIND, caller.tenantId(), id);
        try {
            Optional<UUID> same = recordQueued(id, req, upload.sha256(), upload.size(), caller);
            if (same.isPresent()) {
                manifest.markDuplicate(id, same.get());
                upload.delete();
            } else {
                run(id, req, upload);
            }
        } finally {
            claims.release(KIND, id);
        }
        return manifest.find(id).orElseThrow();
    }

    /**
     * Loads several files as one ingestion on the calling thread (an S3 billing period: the files its manifest
     * lists). {@code fingerprint} identifies this version of the period (the manifest's sha-256).
     */
    public Ingestion ingestFiles(Request req, String fingerprint, List<LedgerLoader.SourceFile> files) {
        UUID id = UUID.randomUUID();
        Caller caller = TenantContext.caller().orElseThrow();
        // Claimed while it runs on this thread: another instance's start-up must not take it for a leftover, and
        // if this instance dies the survivor fails it (the files are read again at the source's next poll).
        claims.lease(KIND, caller.tenantId(), id);
        try {
            return loadFiles(id, req, fingerprint, files, caller);
        } finally {
            claims.release(KIND, id);
        }
    }

    private Ingestion loadFiles(UUID id, Request req, String fingerprint, List<LedgerLoader.SourceFile> files, Caller caller) {
        Optional<UUID> same = recordQueued(id, req, fingerprint, null, caller);
        if (same.isPresent()) {
            manifest.markDuplicate(id, same.get());
            return manifest.find(id).orElseThrow();
        }
        manifest.markRunning(id);
        long[] progress = new long[2];
        try {
            LoadResult result = loader.load(files, id, req.source(), fingerprint, (bytes, rows) -> {
                progress[0] = bytes;
                progress[1] = rows;
                manifest.progress(id, bytes, rows);
            });
            manifest.markSucceeded(id, result, progress[0]);
            // A connection's load is news like an upload's: after-load detection (and any other listener) hears of
            // it. It did not: data that only ever arrived through connections waited for the daily detection.
            announce(id);
        } catch (SourceFormatException e) {
            failures.fail(id, req.source(), req.objectKey(), IngestionProblems.of(e), progress[0], progress[1]);
        } catch (Exception e) {
            LOG.errorf(e, "ingestion %s failed", id);
            failures.fail(id, req.source(), req.objectKey(), IngestionProblems.internal(id.toString()), progress[0], progress[1]);
        }
        return manifest.find(id).orElseThrow();
    }

    /**
     * Records a load refused before any row was read (a container that does not exist, an expired SAS, a manifest
     * that contradicts itself): a failed manifest entry naming what and where, and nothing in the ledger.
     */
    public Ingestion recordRefused(Request req, SourceFormatException e) {
        return recordRefused(req, IngestionProblems.of(e));
    }

    /** As {@link #recordRefused(Request, SourceFormatException)}, with the problem already stated. */
    public Ingestion recordRefused(Request req, Problem problem) {
        UUID id = UUID.randomUUID();
        Caller caller = TenantContext.caller().orElseThrow();
        // A refusal is never a duplicate of an earlier one: each attempt is its own entry.
        recordQueued(id, new Request(req.kind(), req.source(), req.objectKey(), req.mapping(), true), "refused:" + id, null, caller);
        failures.fail(id, req.source(), req.objectKey(), problem, 0, 0);
        return manifest.find(id).orElseThrow();
    }

    /** Runs background work for a tenant on the ingestion workers. */
    public Future<?> submitJob(Caller caller, Runnable job) {
        return pool.submit(() -> TenantContext.runAs(caller, job));
    }

    private Submitted enqueue(Request req, StagedUpload upload) {
        UUID id = UUID.randomUUID();
        Caller caller = TenantContext.caller().orElseThrow(() -> new IllegalStateException("no caller"));
        // The claim comes before the manifest row (V330: an open row without a claim is a leftover).
        claims.lease(KIND, caller.tenantId(), id);
        Optional<UUID> same;
        try {
            same = recordQueued(id, req, upload.sha256(), upload.size(), caller);
            if (same.isEmpty() && cluster.sharedSpool()) spool.write(id, req, upload, caller);
        } catch (RuntimeException e) {
            claims.release(KIND, id);
            upload.delete();
            throw e;
        }
        if (same.isPresent()) {
            manifest.markDuplicate(id, same.get());
            upload.delete();
            claims.release(KIND, id);
            return new Submitted(id, java.util.concurrent.CompletableFuture.completedFuture(null));
        }
        return new Submitted(id, start(caller, id, req, upload));
    }

    private Future<?> start(Caller caller, UUID id, Request req, StagedUpload upload) {
        pending.incrementAndGet();
        return pool.submit(() -> {
            try {
                TenantContext.runAs(caller, () -> {
                    org.jboss.logging.MDC.put("tenant", caller.tenantId());
                    try {
                        run(id, req, upload);
                    } finally {
                        org.jboss.logging.MDC.remove("tenant");
                        spool.delete(id);
                    }
                });
            } finally {
                pending.decrementAndGet();
                claims.release(KIND, id);
            }
        });
    }

    /** Room on this instance's ingestion workers for an ingestion taken over from a lost instance. */
    boolean hasCapacity() {
        return pending.get() < config.workers();
    }

    /** Runs a queued, spooled ingestion this instance took over; the requester stays the recorded one. */
    void resume(UUID id) {
        Ingestion row = manifest.find(id).orElse(null);
        if (row == null || !row.status().equals("queued")) {
            claims.release(KIND, id);
            return;
        }
        var spooled = spool.read(row);
        if (spooled.isEmpty()) {
            manifest.failOpen(id, IngestionClaims.LOST);
            claims.release(KIND, id);
            return;
        }
        LOG.infof("ingestion %s of %s resumed on this instance", id, row.objectKey());
        start(spooled.get().caller(), id, spooled.get().request(), spooled.get().upload());
    }

    /**
     * Records the request as queued and returns the current ingestion these bytes under this mapping repeat, if
     * any (never for a replay).
     */
    private Optional<UUID> recordQueued(UUID id, Request req, String checksum, Long bytesTotal, Caller caller) {
        String mappingSha = req.mappingSha256();
        manifest.create(id, req.source(), req.kind().id(), req.objectKey(), checksum, mappingSha, bytesTotal, caller.subject());
        Optional<UUID> same = req.replay() ? Optional.empty() : manifest.currentWithChecksum(req.source(), checksum, mappingSha);
        audit.record("ingestion.upload", "ingestion", id.toString(), null, new UploadAudit(req.source(), req.kind().id(),
                req.objectKey(), checksum, bytesTotal, mappingSha, req.replay(), same.orElse(null)));
        return same;
    }

    /** An invoice upload without a mapping part takes the mapping stored for its source, when there is one. */
    Request withStoredMapping(Request req) {
        if (req.kind() != SourceKind.INVOICE_CSV || (req.mapping() != null && !req.mapping().isBlank())) return req;
        return mappings.find(req.source()).map(m -> new Request(req.kind(), req.source(), req.objectKey(), m.mapping(), req.replay())).orElse(req);
    }

    static void validateMapping(Request req) {
        try {
            Connectors.of(req.kind()).config(req.mapping());
        } catch (InvalidConfigException e) {
            throw ProblemException.badRequest("invalid mapping: " + e.getMessage(), Problem.Fault.at(e.field(), e.getMessage()));
        }
    }

    /** Listeners (e.g. anomaly detection) must not turn a loaded ingestion into a failed one. */
    private void announce(UUID id) {
        try {
            succeeded.fire(new IngestionSucceeded(TenantContext.requireTenant(), id));
        } catch (RuntimeException e) {
            LOG.warnf(e, "ingestion %s: a listener of its success failed", id);
        }
    }

    void run(UUID id, Request req, StagedUpload upload) {
        manifest.markRunning(id);
        ChargeReader reader = null;
        try (InputStream in = Files.newInputStream(upload.path());
             ChargeReader r = Connectors.open(req.kind(), req.mapping(), in, req.objectKey())) {
            reader = r;
            LoadResult result = loader.load(r, id, req.source(), req.objectKey(), upload.sha256(),
                    (bytes, rows) -> manifest.progress(id, bytes, rows));
            manifest.markSucceeded(id, result, r.bytesRead());
            LOG.infof("ingestion %s of %s: %d rows loaded (%d flagged, %d replaced), periods %s, timings ms %s", id, req.objectKey(),
                    result.rowsLoaded(), result.rowsFlagged(), result.rowsReplaced(), result.billingPeriods(), result.timingsMs());
            announce(id);
        } catch (SourceFormatException e) {
            LOG.infof("ingestion %s rejected: %s", id, e.getMessage());
            failures.fail(id, req.source(), req.objectKey(), IngestionProblems.of(e), reader == null ? 0 : reader.bytesRead(), reader == null ? 0 : reader.rowsRead());
        } catch (Exception e) {
            LOG.errorf(e, "ingestion %s failed", id);
            failures.fail(id, req.source(), req.objectKey(), IngestionProblems.internal(id.toString()), reader == null ? 0 : reader.bytesRead(), reader == null ? 0 : reader.rowsRead());
        } finally {
            upload.delete();
        }
    }
}
