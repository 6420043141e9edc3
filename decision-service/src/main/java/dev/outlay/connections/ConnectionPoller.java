/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.connectors.azure.blob.AzureBlobExports;
import dev.outlay.connectors.gcp.GcpBigQueryConfig;
import dev.outlay.connectors.gcp.GcpBillingReader;
import dev.outlay.ingestion.AzureBlobIngest;
import dev.outlay.ingestion.GcpBigQueryIngest;
import dev.outlay.ingestion.Ingestion;
import dev.outlay.ingestion.IngestionConfig;
import dev.outlay.ingestion.IngestionService;
import dev.outlay.ingestion.S3Source;
import dev.outlay.ingestion.S3Sources;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Scheduled ingestion from tenants' enabled billing export connections ({@code aws-s3}, {@code azure-blob},
 * {@code gcp-bigquery}): each one is polled for the previous and the current billing period (every provider
 * rewrites both until final; an unchanged export is a duplicate no-op) under the connection's tenant, and the
 * outcome is kept on the row. Backfill runs the same per-month load over a bounded window.
 */
@ApplicationScoped
public class ConnectionPoller {

    @jakarta.inject.Inject
    dev.outlay.cluster.ClusterJobs cluster;

    private static final Logger LOG = Logger.getLogger(ConnectionPoller.class);

    /** The kinds that load billing exports into the ledger (aws-inventory has its own poller). */
    static final List<String> BILLING_KINDS = List.of(ConnectionInput.AWS_S3, ConnectionInput.AZURE_BLOB, ConnectionInput.GCP_BIGQUERY);

    /** What one poll of one connection did, per billing period. */
    public record PollResult(UUID connection, String status, List<String> periods) {
    }

    @Inject
    ConnectionRepository repository;

    @Inject
    ConnectionService connections;

    @Inject
    S3Sources s3;

    @Inject
    IngestionService ingestion;

    @Inject
    AzureBlobIngest azure;

    @Inject
    GcpBigQueryIngest gcp;

    @Inject
    IngestionConfig config;

    @Inject
    TenantRegistry tenants;

    /** Ticks every minute; a connection is due when its last poll is older than {@code outlay.ingestion.s3-poll-minutes}. */
    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.s3PollMinutes() <= 0) return; // 0 disables polling
        if (!cluster.onceEvery("connection-poll", Duration.ofSeconds(60))) return;
        Instant dueBefore = Instant.now().minus(Duration.ofMinutes(config.s3PollMinutes()));
        pollAll(YearMonth.now(ZoneOffset.UTC), dueBefore);
    }

    /** Polls every tenant's enabled connections last polled before {@code dueBefore}; {@code current} is this billing month. */
    public List<PollResult> pollAll(YearMonth current, Instant dueBefore) {
        List<PollResult> results = new ArrayList<>();
        for (String tenant : tenants.ids()) results.addAll(pollTenant(tenant, current, dueBefore));
        return results;
    }

    /** Polls one tenant's enabled connections last polled before {@code dueBefore}. */
    public synchronized List<PollResult> pollTenant(String tenant, YearMonth current, Instant dueBefore) {
        return TenantContext.runAs(TenantContext.system(tenant), () -> {
            List<PollResult> results = new ArrayList<>();
            for (String kind : BILLING_KINDS) {
                for (Connection c : repository.enabled(kind)) {
                    if (c.lastPoll() != null && c.lastPoll().at().isAfter(dueBefore)) continue;
                    results.add(poll(c, List.of(current.minusMonths(1), current)));
                }
            }
            return results;
        });
    }

    /** Queues a backfill of [from, to] for a connection of the caller's tenant, bounded like any backfill. */
    public List<String> backfill(UUID id, String from, String to, boolean replay) {
        Connection c = connections.get(id);
        if (!BILLING_KINDS.contains(c.kind())) throw ProblemException.notFound("No billing export connection " + id + ".");
        List<YearMonth> periods = s3.window(from, to);
        Caller caller = TenantContext.caller().orElseThrow();
        ingestion.submitJob(caller, () -> poll(c, periods, replay));
        return periods.stream().map(YearMonth::toString).toList();
    }

    /**
     * The poll a storage notification asks for (dev.outlay.events: a new export manifest landed), on the calling
     * thread under the connection's tenant; the same path as the schedule, outcome recorded on the connection.
     */
    public PollResult pollNotified(Connection c, List<YearMonth> periods) {
        if (!BILLING_KINDS.contains(c.kind())) throw new IllegalArgumentException("connection " + c.id() + " is no billing export connection");
        return poll(c, periods, false);
    }

    /** A poll run on request and the manifest entries it wrote, oldest period first. */
    public record PollNow(PollResult result, List<Ingestion> ingestions) {
    }

    /**
     * Polls one billing export connection of the caller's tenant for [from, to] now, on the calling thread, bounded
     * like a backfill (the demo seeds its native cloud connections this way: the same path as the schedule).
     */
    public synchronized PollNow pollNow(UUID id, YearMonth from, YearMonth to) {
        Connection c = connections.get(id);
        if (!BILLING_KINDS.contains(c.kind())) throw ProblemException.notFound("No billing export connection " + id + ".");
        List<Ingestion> loaded = new ArrayList<>();
        PollResult r = poll(c, s3.window(from.toString(), to.toString()), false, loaded);
        return new PollNow(r, List.copyOf(loaded));
    }

    /** Ingests the periods of one connection (tenant bound) and records the outcome on it. */
    PollResult poll(Connection c, List<YearMonth> periods) {
        return poll(c, periods, false);
    }

    PollResult poll(Connection c, List<YearMonth> periods, boolean replay) {
        return poll(c, periods, replay, new ArrayList<>());
    }

    private PollResult poll(Connection c, List<YearMonth> periods, boolean replay, List<Ingestion> loaded) {
        List<String> outcomes = new ArrayList<>();
        boolean failed = false;
        try {
            PeriodLoader loader = loaderOf(c);
            for (YearMonth p : periods) {
                try {
                    Optional<Ingestion> done = loader.load(p, replay);
                    done.ifPresent(loaded::add);
                    String status = done.map(Ingestion::status).orElse("no-export");
                    failed |= "failed".equals(status);
                    outcomes.add(p + ": " + status + done.map(i -> " (ingestion " + i.id() + ")").orElse(""));
                } catch (RuntimeException e) {
                    failed = true;
                    // The exception text names bucket and key, never the credentials.
                    outcomes.add(p + ": failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
                    LOG.warnf("poll of connection %s period %s failed: %s", c.id(), p, e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            failed = true;
            outcomes.add("failed (" + e.getMessage() + ")");
            LOG.warnf("poll of connection %s failed: %s", c.id(), e.getMessage());
        }
        String status = failed ? "failed" : "ok";
        String detail = String.join("; ", outcomes);
        repository.recordPoll(c.id(), Instant.now(), status, detail.length() > 2000 ? detail.substring(0, 2000) : detail);
        return new PollResult(c.id(), status, outcomes);
    }

    /** One billing month of one connection into the ledger; empty when the source has no export for it yet. */
    private interface PeriodLoader {
        Optional<Ingestion> load(YearMonth period, boolean replay);
    }

    private PeriodLoader loaderOf(Connection c) {
        switch (c.kind()) {
            case ConnectionInput.AZURE_BLOB -> {
                AzureBlobSettings s = c.azureBlob();
                AzureBlobCredentials creds = connections.secret(c.id(), AzureBlobCredentials.class)
                        .orElseThrow(() -> new IllegalStateException("connection " + c.id() + " has no credentials"));
                AzureBlobExports exports = new AzureBlobExports(s.location(), creds.auth());
                return (p, replay) -> azure.ingestPeriod(c.name(), exports, s.selection(), p, replay);
            }
            case ConnectionInput.GCP_BIGQUERY -> {
                GcpBigQuerySettings s = c.gcpBigQuery();
                GcpBigQueryConfig config = s.config(connections.secret(c.id(), GcpCredentials.class).orElse(null));
                GcpBillingReader reader = new GcpBillingReader(config);
                return (p, replay) -> gcp.ingestMonth(c.name(), config.tableReference(), reader, p, replay);
            }
            default -> {
                S3Source source = sourceOf(c);
                return (p, replay) -> s3.ingestPeriod(source, p, replay);
            }
        }
    }

    private S3Source sourceOf(Connection c) {
        AwsCredentials creds = connections.credentials(c.id());
        AwsS3Settings s = c.s3();
        return new S3Source(c.name(), s.sourceConfig(), Boolean.TRUE.equals(s.pathStyle()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(creds.accessKeyId(), creds.secretAccessKey())));
    }

}
