/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scans as observable jobs, like allocation runs: a request queues a scan and returns at once (202 with the scan to
 * watch); one worker runs scans in order, writing progress as it goes and a problem detail when a scan fails (then
 * nothing of it was applied). A second request for the same profile and day while one is queued or running joins it;
 * a scan after a data load joins only a queued one.
 */
@ApplicationScoped
public class FindingScans {

    private static final Logger LOG = Logger.getLogger(FindingScans.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The threshold profiles the bundled finding-profiles table knows; the default is the cautious one. */
    public static final List<String> PROFILES = List.of("conservative", "aws-trusted-advisor", "aws-compute-optimizer", "azure-advisor");
    public static final String DEFAULT_PROFILE = "conservative";
    /** Triggers that follow a data load. */
    static final java.util.Set<String> AFTER_LOADS = java.util.Set.of("ingestion", "inventory");

    @Inject
    FindingStore store;

    @Inject
    dev.outlay.audit.AuditLog audit;

    @Inject
    FindingScanService service;

    /** The claim kind of finding scans (V330 work_claim); a scan whose instance died is failed (FindingScanClaims). */
    static final String KIND = "finding-scan";

    @Inject
    dev.outlay.cluster.WorkClaims claims;

    private ExecutorService worker;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "outlay-finding-scan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public record Submitted(FindingScan scan, Future<?> job) {
    }

    /**
     * The day a scan is as of unless told otherwise: yesterday (UTC), the last complete day, because today's ledger
     * and metrics are still arriving and a window ending today would count a partial day.
     */
    public static LocalDate lastCompleteDay() {
        return LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
    }

    public Submitted submit(String profile, LocalDate asOf, String trigger) {
        if (!PROFILES.contains(profile)) {
            throw ProblemException.badRequest("profile takes " + PROFILES, Problem.Fault.at("profile", "unknown profile: " + profile));
        }
        Caller caller = TenantContext.caller().orElseThrow();
        // A load's scan must read the load: it joins a queued scan (which will), not a running one (which may not).
        var open = store.openScan(profile, asOf, !AFTER_LOADS.contains(trigger));
        if (open.isPresent()) return new Submitted(open.get(), null);
        UUID id = UUID.randomUUID();
        claims.lease(KIND, caller.tenantId(), id);
        FindingScan scan;
        try {
            scan = store.queueScan(id, trigger, profile, asOf, caller.subject(), FindingLifecycle.now());
        } catch (RuntimeException e) {
            claims.release(KIND, id);
            throw e;
        }
        // A scan opens findings and triage for owners: who asked for it, with which profile, is evidence.
        audit.record("finding.scan", "finding_scan", id.toString(), null,
                java.util.Map.of("profile", profile, "asOf", String.valueOf(asOf), "trigger", trigger));
        Future<?> job = worker.submit(() -> {
            try {
                TenantContext.runAs(caller, () -> execute(id, profile, asOf));
            } finally {
                claims.release(KIND, id);
            }
        });
        return new Submitted(scan, job);
    }

    /** Waits for a submitted scan (the {@code wait=true} form of the API, and the scheduled job) and returns how it ended. */
    public FindingScan await(Submitted s) {
        try {
            if (s.job() != null) {
                s.job().get();
            } else {
                while (store.findScan(s.scan().id()).orElseThrow().open()) Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warnf(e.getCause(), "finding scan %s ended abnormally", s.scan().id());
        }
        return store.findScan(s.scan().id()).orElseThrow();
    }

    private void execute(UUID id, String profile, LocalDate asOf) {
        try {
            store.scanRunning(id);
            long[] lastWrite = {0};
            service.scan(id, profile, asOf, (total, evaluated) -> {
                long now = System.currentTimeMillis();
                if (evaluated == 0 || evaluated == total || now - lastWrite[0] >= 500) {
                    lastWrite[0] = now;
                    store.scanProgress(id, total, evaluated);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "finding scan %s failed", id);
            store.scanFailed(id, problemJson(id, e));
        }
    }

    static String problemJson(UUID id, RuntimeException e) {
        Problem p = e instanceof ProblemException pe ? pe.problem()
                : Problem.of(500, "Finding scan failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        p = p.at("/api/v1/findings/scans/" + id, null);
        try {
            return JSON.writeValueAsString(p);
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }
}
