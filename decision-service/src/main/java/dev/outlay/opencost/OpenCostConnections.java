/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.opencost;

import dev.outlay.connections.ApiSecret;
import dev.outlay.connections.Connection;
import dev.outlay.connections.ConnectionRepository;
import dev.outlay.connections.ConnectionService;
import dev.outlay.connections.OpenCostSettings;
import dev.outlay.connections.SaasKinds;
import dev.outlay.connections.SourceReadFailedException;
import dev.outlay.connectors.opencost.OpenCostAllocation;
import dev.outlay.connectors.opencost.OpenCostChargeFile;
import dev.outlay.connectors.opencost.OpenCostReader;
import dev.outlay.connectors.saas.SaasHttp;
import dev.outlay.connectors.saas.SaasReadException;
import dev.outlay.ingestion.Ingestion;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Polls OpenCost connections: reads the complete UTC days of a month of a cluster's allocations and loads them as a
 * FOCUS file (allocation rows plus one offset row a day, see {@link OpenCostChargeFile}) through the ledger pipeline,
 * replace scope = connection, month, node account; unchanged bytes = a duplicate. A failed read loads nothing and
 * leaves a failed ingestion. A scheduled poll reads the current month (the previous one on the first of a month, when
 * the current one has no complete day) and on a connection's first poll the {@code backfillMonths} before it.
 */
@ApplicationScoped
public class OpenCostConnections {

    private static final Logger LOG = Logger.getLogger(OpenCostConnections.class);

    @Inject
    ConnectionRepository repository;

    @Inject
    ConnectionService connections;

    @Inject
    dev.outlay.connections.GeneratedFocusLoads loads;

    @Inject
    OpenCostPollConfig config;

    @Inject
    TenantRegistry tenants;

    @Scheduled(every = "60s", delayed = "100s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.pollMinutes() <= 0) return;
        Instant dueBefore = Instant.now().minus(Duration.ofMinutes(config.pollMinutes()));
        for (String tenant : tenants.ids()) pollTenant(tenant, dueBefore);
    }

    public List<OpenCostPollResult> pollTenant(String tenant, Instant dueBefore) {
        return TenantContext.runAs(TenantContext.system(tenant), () -> {
            List<OpenCostPollResult> out = new ArrayList<>();
            for (Connection c : repository.enabled(SaasKinds.OPENCOST)) {
                if (c.lastPoll() != null && c.lastPoll().at().isAfter(dueBefore)) continue;
                try {
                    for (YearMonth m : due(c, LocalDate.now(ZoneOffset.UTC))) out.add(poll(c, m, LocalDate.now(ZoneOffset.UTC), false));
                } catch (SourceReadFailedException e) {
                    LOG.warnf("opencost poll of connection %s failed: %s", c.id(), e.getMessage());
                }
            }
            return out;
        });
    }

    /** The months a scheduled poll loads on {@code today}, oldest first. */
    static List<YearMonth> due(Connection c, LocalDate today) {
        YearMonth now = YearMonth.from(today);
        int back = c.lastPoll() == null ? c.openCost().backfillMonths() == null ? 0 : c.openCost().backfillMonths() : today.getDayOfMonth() == 1 ? 1 : 0;
        List<YearMonth> out = new ArrayList<>();
        for (int i = back; i >= 0; i--) out.add(now.minusMonths(i));
        return out;
    }

    public OpenCostPollResult pollNow(UUID id, YearMonth month, boolean dryRun) {
        Connection c = connections.get(id);
        if (!SaasKinds.OPENCOST.equals(c.kind())) throw new NoOpenCostConnectionException(id);
        return poll(c, month, LocalDate.now(ZoneOffset.UTC), dryRun);
    }

    synchronized OpenCostPollResult poll(Connection c, YearMonth month, LocalDate today, boolean dryRun) {
        OpenCostSettings s = c.openCost();
        String objectKey = "opencost://" + s.cluster() + "/" + month;
        LocalDate from = month.atDay(1);
        // Only complete days: OpenCost answers today's step with a window that ends now.
        LocalDate to = month.plusMonths(1).atDay(1).isAfter(today) ? today : month.plusMonths(1).atDay(1);
        if (!from.isBefore(to)) return new OpenCostPollResult(c.id(), month.toString(), "no-days", null, from.toString(), to.toString(), 0, 0, s.currency(), java.math.BigDecimal.ZERO);
        List<OpenCostAllocation> read;
        try {
            ApiSecret token = connections.secret(c.id(), ApiSecret.class).orElse(null);
            read = new OpenCostReader(s.config(token), SaasHttp.standard()).read(from, to);
        } catch (SaasReadException e) {
            throw failed(c, dryRun, objectKey, e);
        }
        OpenCostChargeFile.Result file = OpenCostChargeFile.write(s.accountId(), s.cluster(), s.currency(), month, read);
        if (dryRun || file.rows() == 0) {
            return result(c, month, dryRun ? "dry-run" : "no-allocations", null, from, to, file, s.currency());
        }
        Ingestion done = loads.load(c, objectKey, file.csv());
        record(c, "failed".equals(done.status()) ? "failed" : "ok", month + ": " + done.status() + " (ingestion " + done.id() + ")");
        return result(c, month, done.status(), done.id(), from, to, file, s.currency());
    }

    private SourceReadFailedException failed(Connection c, boolean dryRun, String objectKey, SaasReadException e) {
        if (dryRun) return new SourceReadFailedException(e, null);
        return new SourceReadFailedException(e, loads.recordFailedRead(c, objectKey, "opencost " + e.where(), e.getMessage()));
    }

    private void record(Connection c, String status, String detail) {
        loads.recordPoll(c, status, detail);
    }


    private static OpenCostPollResult result(Connection c, YearMonth month, String status, UUID ingestion, LocalDate from, LocalDate to,
                                             OpenCostChargeFile.Result file, String currency) {
        return new OpenCostPollResult(c.id(), month.toString(), status, ingestion, from.toString(), to.toString(), file.allocations(), file.rows(),
                currency, file.allocated());
    }
}
