/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reconciliation runs as observable jobs (the allocation runs' pattern): a request starts a run under the rule set
 * version active at that moment and returns at once; one worker evaluates runs in order, writing progress per
 * check, and a problem detail when a run fails. A request for a period whose run is still going joins that run.
 */
@ApplicationScoped
public class ReconciliationRuns {

    private static final Logger LOG = Logger.getLogger(ReconciliationRuns.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PROGRESS_EVERY_MS = 500;

    @Inject
    ReconciliationService service;

    @Inject
    ReconciliationStore store;

    @Inject
    DecisionService decisions;

    @Inject
    LedgerFactsReader ledger;

    @Inject
    InvoiceStore invoices;

    /** The claim kind of reconciliation runs (V330 work_claim); a run whose instance died is failed. */
    static final String KIND = "reconciliation-run";

    @Inject
    dev.outlay.cluster.WorkClaims claims;

    private ExecutorService worker;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "outlay-reconciliation-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public record Submitted(ReconciliationRun run, Future<?> job) {
    }

    public Submitted submit(LocalDate period, String periodState) {
        Caller caller = TenantContext.caller().orElseThrow();
        var open = store.open(period);
        if (open.isPresent()) return new Submitted(open.get(), null);
        if (ledger.read(period).cells().isEmpty() && invoices.latestByAccount(period).isEmpty()) {
            throw ProblemException.unprocessable("Neither the ledger nor an invoice summary holds billing period "
                    + period.toString().substring(0, 7) + ".", List.of(Problem.Fault.at("period", "no data for " + period.toString().substring(0, 7))));
        }
        String version = decisions.activeVersion(ReconciliationPolicy.RULE_SET);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        claims.lease(KIND, caller.tenantId(), id);
        try {
            store.start(id, period, periodState, version, caller.subject(), now);
        } catch (RuntimeException e) {
            claims.release(KIND, id);
            throw e;
        }
        Future<?> job = worker.submit(() -> {
            try {
                TenantContext.runAs(caller, () -> execute(id, period, periodState, version, now));
            } finally {
                claims.release(KIND, id);
            }
        });
        return new Submitted(store.find(id).orElseThrow(), job);
    }

    /** Waits for a submitted run (the {@code wait=true} form) and returns how it ended. */
    public ReconciliationRun await(Submitted s) {
        try {
            if (s.job() != null) {
                s.job().get();
            } else {
                while (store.find(s.run().id()).orElseThrow().open()) Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warnf(e.getCause(), "reconciliation run %s ended abnormally", s.run().id());
        }
        return store.find(s.run().id()).orElseThrow();
    }

    private void execute(UUID id, LocalDate period, String periodState, String version, Instant now) {
        try {
            long[] last = {0};
            ReconciliationResult result = service.evaluate(period, periodState, version, now, (total, done) -> {
                long t = System.currentTimeMillis();
                if (done == 0 || done == total || t - last[0] >= PROGRESS_EVERY_MS) {
                    last[0] = t;
                    store.progress(id, total, done);
                }
            });
            service.finish(id, result);
        } catch (RuntimeException e) {
            LOG.warnf(e, "reconciliation run %s for %s failed", id, period);
            store.fail(id, problemJson(id, e));
        }
    }

    static String problemJson(UUID id, RuntimeException e) {
        Problem p = e instanceof ProblemException pe ? pe.problem()
                : Problem.of(500, "Reconciliation run failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        p = p.at("/api/v1/reconciliations/" + id, null);
        try {
            return JSON.writeValueAsString(p);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }
}
