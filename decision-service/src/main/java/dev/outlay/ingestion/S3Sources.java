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
import dev.outlay.connectors.s3.S3CurExport;
import dev.outlay.connectors.s3.S3SourceConfig;
import dev.outlay.ledger.LedgerLoader;
import dev.outlay.model.SourceKind;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * S3 CUR export sources from application properties: scheduled polling of the current and previous billing
 * period (AWS keeps rewriting both until final; an unchanged manifest is a duplicate no-op), and bounded backfill.
 * {@link #ingestPeriod} is the one S3 path: tenants' connections ({@code ConnectionPoller}) load through it too.
 */
@ApplicationScoped
public class S3Sources {

    private static final Logger LOG = Logger.getLogger(S3Sources.class);

    @Inject
    IngestionConfig config;

    @Inject
    IngestionService ingestion;

    @Inject
    dev.outlay.cluster.ClusterJobs cluster;

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent event) {
        if (config.s3().isEmpty() || config.s3PollMinutes() <= 0) return; // 0 disables polling
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outlay-s3-poll");
            t.setDaemon(true);
            return t;
        });
        // Once per cluster per interval, whichever instance's timer comes first (ClusterJobs).
        java.time.Duration every = java.time.Duration.ofMinutes(config.s3PollMinutes());
        timer.scheduleWithFixedDelay(() -> {
            if (cluster.onceEvery("s3-sources", every)) pollAll();
        }, 1, config.s3PollMinutes(), TimeUnit.MINUTES);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) timer.shutdownNow();
    }

    void pollAll() {
        YearMonth now = YearMonth.from(LocalDate.now(ZoneOffset.UTC));
        for (Map.Entry<String, IngestionConfig.S3Source> e : config.s3().entrySet()) {
            Caller system = TenantContext.system(e.getValue().tenant());
            TenantContext.runAs(system, () -> {
                for (YearMonth p : List.of(now.minusMonths(1), now)) {
                    try {
                        ingestPeriod(fromProperties(e.getKey(), e.getValue()), p);
                    } catch (RuntimeException ex) {
                        LOG.errorf(ex, "scheduled ingestion of %s %s failed", e.getKey(), p);
                    }
                }
            });
        }
    }

    /**
     * Queues a backfill of [from, to] (billing months) for a configured source of the caller's tenant; with
     * {@code replay}, periods whose export is unchanged are loaded again too.
     */
    public List<String> backfill(String sourceId, String from, String to, boolean replay) {
        S3Source source = sourceOfCaller(sourceId);
        List<YearMonth> periods = window(from, to);
        Caller caller = TenantContext.caller().orElseThrow();
        ingestion.submitJob(caller, () -> {
            for (YearMonth p : periods) {
                try {
                    ingestPeriod(source, p, replay);
                } catch (RuntimeException ex) {
                    LOG.errorf(ex, "backfill of %s %s failed", sourceId, p);
                }
            }
        });
        return periods.stream().map(YearMonth::toString).toList();
    }

    /** The billing months of a backfill window, refused beyond {@code outlay.ingestion.backfill-max-months}. */
    public List<YearMonth> window(String from, String to) {
        YearMonth f = month("from", from);
        YearMonth t = month("to", to);
        if (t.isBefore(f)) throw ProblemException.badRequest("to is before from", Problem.Fault.at("to", "YYYY-MM, not before from"));
        long months = f.until(t, java.time.temporal.ChronoUnit.MONTHS) + 1;
        if (months > config.backfillMaxMonths()) {
            throw ProblemException.unprocessable("backfill window of " + months + " months exceeds the bound of "
                    + config.backfillMaxMonths() + " (outlay.ingestion.backfill-max-months)", List.of(Problem.Fault.at("to", "window too large")));
        }
        if (t.isAfter(YearMonth.now(ZoneOffset.UTC))) {
            throw ProblemException.badRequest("to is in the future", Problem.Fault.at("to", "not after the current month"));
        }
        List<YearMonth> periods = new ArrayList<>();
        for (YearMonth p = f; !p.isAfter(t); p = p.plusMonths(1)) periods.add(p);
        return periods;
    }

    private S3Source sourceOfCaller(String id) {
        IngestionConfig.S3Source s = config.s3().get(id);
        // Another tenant's source is indistinguishable from a missing one.
        if (s == null || !s.tenant().equals(TenantContext.requireTenant())) throw ProblemException.notFound("source " + id);
        return fromProperties(id, s);
    }

    /** Property sources use the AWS default credential chain; an endpoint override implies path-style addressing. */
    static S3Source fromProperties(String id, IngestionConfig.S3Source s) {
        S3SourceConfig cfg = new S3SourceConfig(s.bucket(), s.prefix().orElse(""), s.exportName().orElse(null), s.region().orElse(null),
                s.endpoint().orElse(null), s.manifestKey().orElse(null));
        return new S3Source(id, cfg, s.endpoint().isPresent(), null);
    }

    /**
     * Ingests one billing period of a source (the tenant must be bound): the files the export's current manifest
     * lists, as one atomic load. Empty when the export has no manifest for the period yet.
     */
    public Optional<Ingestion> ingestPeriod(S3Source s, YearMonth period) {
        return ingestPeriod(s, period, false);
    }

    /** As {@link #ingestPeriod(S3Source, YearMonth)}; {@code replay} loads the period even when its manifest is unchanged. */
    public Optional<Ingestion> ingestPeriod(S3Source s, YearMonth period, boolean replay) {
        String bucket = s.config().bucket();
        try (S3CurExport export = new S3CurExport(s.config(), s.client())) {
            Optional<S3CurExport.PeriodFiles> files = export.period(period);
            if (files.isEmpty()) return Optional.empty();
            List<LedgerLoader.SourceFile> parts = new ArrayList<>();
            for (String key : files.get().dataKeys()) {
                parts.add(new LedgerLoader.SourceFile() {
                    @Override
                    public String objectKey() {
                        return "s3://" + bucket + "/" + key;
                    }

                    @Override
                    public ChargeReader open() throws IOException {
                        return Connectors.open(SourceKind.AWS_CUR, null, export.open(key), key);
                    }
                });
            }
            var req = new IngestionService.Request(SourceKind.AWS_CUR, s.name(), "s3://" + bucket + "/" + files.get().manifestKey(), null, replay);
            return Optional.of(ingestion.ingestFiles(req, files.get().fingerprint(), parts));
        }
    }

    private static YearMonth month(String field, String v) {
        try {
            return YearMonth.parse(v == null ? "" : v.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest(field + " must be YYYY-MM", Problem.Fault.at(field, "YYYY-MM"));
        }
    }
}
