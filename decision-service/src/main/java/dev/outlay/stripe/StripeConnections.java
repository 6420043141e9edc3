/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.stripe;

import dev.outlay.connections.Connection;
import dev.outlay.connections.ConnectionRepository;
import dev.outlay.connections.ConnectionService;
import dev.outlay.connections.SaasKinds;
import dev.outlay.connections.SourceReadFailedException;
import dev.outlay.connections.StripeSettings;
import dev.outlay.connectors.saas.SaasReadException;
import dev.outlay.connectors.stripe.StripeChargeFile;
import dev.outlay.connectors.stripe.StripeReader;
import dev.outlay.connectors.stripe.StripeTransaction;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Polls Stripe connections: reads a calendar month (UTC) of the account's balance transactions, loads Stripe's fees
 * as a FOCUS file through the ledger pipeline (replace scope = connection, month, Stripe account; unchanged bytes =
 * a duplicate) and writes the month's revenue and orders as business metrics. A failed read (any page) loads
 * nothing, writes no metric and leaves a failed ingestion naming the page. A scheduled poll reads the current month,
 * also the previous one in the first three days of a month (Stripe keeps adding that month's fees, e.g. Billing's
 * usage fee, after it ends), and on a connection's first poll the {@code backfillMonths} before it.
 */
@ApplicationScoped
public class StripeConnections {

    private static final Logger LOG = Logger.getLogger(StripeConnections.class);
    static final int LATE_FEE_DAYS = 3;

    @Inject
    ConnectionRepository repository;

    @Inject
    ConnectionService connections;

    @Inject
    dev.outlay.connections.GeneratedFocusLoads loads;

    @Inject
    StripeRevenue revenue;

    @Inject
    StripePollConfig config;

    @Inject
    TenantRegistry tenants;

    private List<StripeTransaction> read(Connection c, YearMonth month) {
        return StripeReader.standard(c.stripe().config(connections.apiSecret(c.id()))).read(month);
    }

    @Scheduled(every = "60s", delayed = "95s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.pollMinutes() <= 0) return;
        Instant dueBefore = Instant.now().minus(Duration.ofMinutes(config.pollMinutes()));
        for (String tenant : tenants.ids()) pollTenant(tenant, dueBefore);
    }

    /** Polls one tenant's enabled Stripe connections last polled before {@code dueBefore}; failures are kept on each connection. */
    public List<StripePollResult> pollTenant(String tenant, Instant dueBefore) {
        return TenantContext.runAs(TenantContext.system(tenant), () -> {
            List<StripePollResult> out = new ArrayList<>();
            for (Connection c : repository.enabled(SaasKinds.STRIPE)) {
                if (c.lastPoll() != null && c.lastPoll().at().isAfter(dueBefore)) continue;
                try {
                    for (YearMonth m : due(c, LocalDate.now(ZoneOffset.UTC))) out.add(poll(c, m, false));
                } catch (SourceReadFailedException e) {
                    LOG.warnf("stripe poll of connection %s failed: %s", c.id(), e.getMessage());
                }
            }
            return out;
        });
    }

    /** The months a scheduled poll of {@code c} loads on {@code today}, oldest first. */
    static List<YearMonth> due(Connection c, LocalDate today) {
        YearMonth now = YearMonth.from(today);
        int back = c.lastPoll() == null ? c.stripe().backfillMonths() == null ? 0 : c.stripe().backfillMonths()
                : today.getDayOfMonth() <= LATE_FEE_DAYS ? 1 : 0;
        List<YearMonth> out = new ArrayList<>();
        for (int i = back; i >= 0; i--) out.add(now.minusMonths(i));
        return out;
    }

    /** A poll now of one month of a connection of the caller's tenant; {@code dryRun} reads but loads nothing. */
    public StripePollResult pollNow(UUID id, YearMonth month, boolean dryRun) {
        Connection c = connections.get(id);
        if (!SaasKinds.STRIPE.equals(c.kind())) throw new NoStripeConnectionException(id);
        return poll(c, month, dryRun);
    }

    static String objectKey(Connection c, YearMonth month) {
        return "stripe://" + c.stripe().accountId() + "/" + month;
    }

    synchronized StripePollResult poll(Connection c, YearMonth month, boolean dryRun) {
        String objectKey = objectKey(c, month);
        StripeSettings s = c.stripe();
        List<StripeTransaction> read;
        try {
            read = read(c, month);
        } catch (SaasReadException e) {
            throw failed(c, dryRun, objectKey, e);
        }
        StripeChargeFile.Result file = StripeChargeFile.write(s.accountId(), s.label(), month, read);
        if (dryRun) return result(c, month, "dry-run", null, file, 0);
        String status = "no-fees";
        UUID ingestionId = null;
        if (file.rows() > 0) {
            Ingestion done = loads.load(c, objectKey, file.csv());
            status = done.status();
            ingestionId = done.id();
            if ("failed".equals(status)) {
                record(c, "failed", month + ": failed (ingestion " + done.id() + ")");
                return result(c, month, status, ingestionId, file, 0);
            }
        }
        int values = revenue.write(month, LocalDate.now(ZoneOffset.UTC), file.revenue());
        record(c, "ok", month + ": " + status + (ingestionId == null ? "" : " (ingestion " + ingestionId + ")") + ", " + values + " metric values");
        return result(c, month, status, ingestionId, file, values);
    }

    /** Records a failed ingestion naming the page (not for a dry run); the ledger and the metrics are untouched. */
    private SourceReadFailedException failed(Connection c, boolean dryRun, String objectKey, SaasReadException e) {
        if (dryRun) return new SourceReadFailedException(e, null);
        return new SourceReadFailedException(e, loads.recordFailedRead(c, objectKey, "stripe " + e.where(), e.getMessage()));
    }

    private void record(Connection c, String status, String detail) {
        loads.recordPoll(c, status, detail);
    }


    private static StripePollResult result(Connection c, YearMonth month, String status, UUID ingestion, StripeChargeFile.Result file, int values) {
        List<StripePollResult.Amount> fees = file.feesByCurrency().entrySet().stream().map(e -> new StripePollResult.Amount(e.getKey(), e.getValue())).toList();
        Map<String, java.math.BigDecimal> net = new TreeMap<>();
        long orders = 0;
        for (StripeChargeFile.DailyRevenue r : file.revenue()) {
            net.merge(r.currency(), r.revenue(), java.math.BigDecimal::add);
            orders += r.orders();
        }
        List<StripePollResult.Amount> revenue = net.entrySet().stream().map(e -> new StripePollResult.Amount(e.getKey(), e.getValue())).toList();
        return new StripePollResult(c.id(), month.toString(), status, ingestion, file.transactions(), file.rows(), fees, revenue, orders, values);
    }
}
