/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.decisions.DecisionService;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Allocation runs as observable jobs: a request queues a run (version fixed at that moment) and returns at once;
 * one worker evaluates and applies runs in order, writing progress as it goes and a problem detail when a run
 * fails. One worker because a run already reads a whole billing period set-wise; two at once would only compete
 * for the same CPUs and database.
 */
@ApplicationScoped
public class AllocationRuns {

    private static final Logger LOG = Logger.getLogger(AllocationRuns.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Progress is written at most this often, so a large period does not turn into thousands of updates. */
    private static final long PROGRESS_EVERY_MS = 500;

    @Inject
    AllocationService service;

    @Inject
    AllocationStore store;

    @Inject
    DecisionService decisions;

    @Inject
    ChargeGroups chargeGroups;

    @Inject
    SparkAllocationEngine spark;

    @Inject
    jakarta.enterprise.event.Event<AllocationRunSucceeded> succeeded;

    @Inject
    dev.outlay.cluster.WorkClaims claims;

    private final AtomicInteger pending = new AtomicInteger();
    private ExecutorService worker;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "outlay-allocation-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public record Submitted(AllocationStore.Run run, Future<?> job) {
    }

    /**
     * Queues a run of the active version over the period. A run of the period that is still queued or running is
     * returned instead of starting a second one (a retried request must not double the work).
     */
    public Submitted submit(LocalDate period) {
        return submit(period, AllocationEngine.SERVICE);
    }

    /** As above, on the given engine; a Spark run is refused at once when the service has no Spark engine. */
    public Submitted submit(LocalDate period, AllocationEngine engine) {
        if (engine == AllocationEngine.SPARK) spark.requireAvailable();
        Caller caller = TenantContext.caller().orElseThrow();
        for (int attempt = 0; ; attempt++) {
            // A request for a period whose run is still open joins that run whatever engine it asked for: the
            // period's result is the same either way, and a retried request must not double the work.
            var open = store.openRun(period);
            if (open.isPresent()) return new Submitted(open.get(), null);
            if (!chargeGroups.hasRows(caller.tenantId(), period)) {
                throw ProblemException.unprocessable("The ledger has no rows for billing period " + period + ".", List.of());
            }
            String version = decisions.activeVersion(AllocationService.RULE_SET);
            UUID id = UUID.randomUUID();
            claims.lease(KIND, caller.tenantId(), id);
            var run = store.queue(id, period, version, caller.subject(), Instant.now(), engine);
            if (run.isEmpty()) {
                // Another request (on any instance) queued one between our read and our insert: join it, as above.
                claims.release(KIND, id);
                if (attempt < 3) continue;
                throw new IllegalStateException("allocation run for " + period + " neither queued nor found open");
            }
            return new Submitted(run.get(), start(caller, id, period, version, engine));
        }
    }

    /** The claim kind of allocation runs (V330 work_claim). */
    static final String KIND = "allocation-run";

    private Future<?> start(Caller caller, UUID id, LocalDate period, String version, AllocationEngine engine) {
        pending.incrementAndGet();
        return worker.submit(() -> {
            try {
                TenantContext.runAs(caller, () -> execute(id, period, version, engine));
            } finally {
                pending.decrementAndGet();
                claims.release(KIND, id);
            }
        });
    }

    /** True when this instance's worker is idle (a taken run would not wait behind local ones). */
    boolean idle() {
        return pending.get() == 0;
    }

    /** Runs a queued run this instance took over from a lost one; its requester stays the recorded one. */
    void resume(UUID id) {
        AllocationStore.Run run = store.find(id).orElse(null);
        if (run == null || !run.status().equals("queued")) {
            claims.release(KIND, id);
            return;
        }
        Caller caller = new Caller(TenantContext.requireTenant(), run.createdBy(), TenantContext.system(TenantContext.requireTenant()).roles());
        start(caller, id, run.billingPeriod(), run.versionHash(), AllocationEngine.parse(run.engine()));
    }

    /** Waits for a submitted run (the {@code wait=true} form of the API) and returns how it ended. */
    public AllocationStore.Run await(Submitted s) {
        try {
            if (s.job() != null) {
                s.job().get();
            } else {
                // joined a run another request started: watch it through the store
                while (store.find(s.run().id()).orElseThrow().open()) Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warnf(e.getCause(), "allocation run %s ended abnormally", s.run().id());
        }
        return store.find(s.run().id()).orElseThrow();
    }

    private void execute(UUID id, LocalDate period, String version, AllocationEngine engine) {
        try {
            store.running(id);
            long[] lastWrite = {0};
            AllocationService.Progress progress = (total, evaluated) -> {
                long now = System.currentTimeMillis();
                if (evaluated == 0 || evaluated == total || now - lastWrite[0] >= PROGRESS_EVERY_MS) {
                    lastWrite[0] = now;
                    store.progress(id, total, evaluated);
                }
            };
            AllocationService.Evaluated e = engine == AllocationEngine.SPARK ? spark.evaluate(id, period, version, progress)
                    : service.evaluate(period, version, progress);
            service.apply(id, period, e);
        } catch (RuntimeException e) {
            LOG.warnf(e, "allocation run %s for %s failed", id, period);
            store.fail(id, problemJson(id, e));
            return;
        }
        Caller caller = TenantContext.caller().orElseThrow();
        try {
            succeeded.fire(new AllocationRunSucceeded(caller.tenantId(), id, period, caller.subject()));
        } catch (RuntimeException e) {
            // The run is committed and in force; an observer's failure must not report it failed.
            LOG.warnf(e, "allocation run %s for %s: an observer of its success failed", id, period);
        }
    }

    static String problemJson(UUID id, RuntimeException e) {
        Problem p = e instanceof ProblemException pe ? pe.problem()
                : Problem.of(500, "Allocation run failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        p = p.at("/api/v1/allocations/runs/" + id, null);
        try {
            return JSON.writeValueAsString(p);
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }
}
