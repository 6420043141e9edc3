/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.seats;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.connections.Connection;
import dev.outlay.connections.ConnectionRepository;
import dev.outlay.connections.ConnectionService;
import dev.outlay.connections.M365Settings;
import dev.outlay.connections.SaasKinds;
import dev.outlay.connections.SalesforceSettings;
import dev.outlay.connectors.salesforce.SalesforceReader;
import dev.outlay.connectors.salesforce.SalesforceSnapshot;
import dev.outlay.connectors.m365.M365Reader;
import dev.outlay.connectors.m365.M365Snapshot;
import dev.outlay.connectors.saas.SaasHttp;
import dev.outlay.connectors.saas.SaasReadException;
import dev.outlay.connectors.saas.SeatAccount;
import dev.outlay.connectors.saas.SeatChargeFile;
import dev.outlay.connectors.saas.SeatPrice;
import dev.outlay.connectors.saas.SeatSubscription;
import dev.outlay.connectors.saas.UnpricedSkuException;
import dev.outlay.contracts.ContractPrices;
import dev.outlay.contracts.PriceBook;
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
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Polls SaaS seat connections (Microsoft 365, Salesforce): reads the seats now, prices them from the contract table on the
 * month's first day, and loads the current month as a FOCUS file through the ledger pipeline, so the month's
 * (source, billing account) scope is replaced by the newest poll and an unchanged poll is a duplicate. Both APIs report
 * only the present, so a month keeps the last poll made in it; there is no history to backfill. A failed read or an
 * unpriced SKU loads nothing and leaves a failed ingestion naming what and where.
 */
@ApplicationScoped
public class SeatConnections {

    @jakarta.inject.Inject
    dev.outlay.cluster.ClusterJobs cluster;

    private static final Logger LOG = Logger.getLogger(SeatConnections.class);
    static final String M365_VENDOR = "microsoft-365";
    static final String SALESFORCE_VENDOR = "salesforce";

    @Inject
    ConnectionRepository repository;

    @Inject
    ConnectionService connections;

    @Inject
    ContractPrices prices;

    @Inject
    dev.outlay.connections.GeneratedFocusLoads loads;

    @Inject
    SeatInventory inventory;

    @Inject
    SeatsConfig config;

    @Inject
    TenantRegistry tenants;

    @Scheduled(every = "60s", delayed = "90s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.pollMinutes() <= 0) return;
        if (!cluster.onceEvery("seat-connections", Duration.ofSeconds(60))) return;
        Instant dueBefore = Instant.now().minus(Duration.ofMinutes(config.pollMinutes()));
        for (String tenant : tenants.ids()) pollTenant(tenant, dueBefore);
    }

    /** Polls one tenant's enabled seat connections last polled before {@code dueBefore}; failures are kept on each connection. */
    public List<SeatPollResult> pollTenant(String tenant, Instant dueBefore) {
        return TenantContext.runAs(TenantContext.system(tenant), () -> {
            List<SeatPollResult> out = new ArrayList<>();
            List<Connection> due = new ArrayList<>(repository.enabled(SaasKinds.M365));
            due.addAll(repository.enabled(SaasKinds.SALESFORCE));
            for (Connection c : due) {
                if (c.lastPoll() != null && c.lastPoll().at().isAfter(dueBefore)) continue;
                try {
                    out.add(poll(c, false));
                } catch (ProblemException e) {
                    LOG.warnf("seat poll of connection %s failed: %s", c.id(), e.problem().detail());
                }
            }
            return out;
        });
    }

    /** A poll now of a connection of the caller's tenant; {@code dryRun} reads and prices but loads nothing. */
    public SeatPollResult pollNow(UUID id, boolean dryRun) {
        Connection c = connections.get(id);
        if (!SaasKinds.M365.equals(c.kind()) && !SaasKinds.SALESFORCE.equals(c.kind())) throw ProblemException.notFound("No seat connection " + id + ".");
        return poll(c, dryRun);
    }

    /** One read of a seat source: whose seats, and what the source said of each SKU. */
    record SeatRead(SeatAccount account, List<SeatSubscription> subscriptions, boolean activityKnown) {
    }

    private SeatRead read(Connection c, Instant now) {
        if (SaasKinds.SALESFORCE.equals(c.kind())) {
            SalesforceSettings s = c.salesforce();
            SalesforceSnapshot snap = new SalesforceReader(s.config(connections.apiSecret(c.id())), SaasHttp.standard()).read();
            return new SeatRead(new SeatAccount(SALESFORCE_VENDOR, "Salesforce", snap.orgId(), s.accountName() == null ? snap.orgName() : s.accountName(),
                    "Salesforce"), snap.subscriptions(), true);
        }
        M365Settings s = c.m365();
        M365Snapshot snap = new M365Reader(s.config(connections.apiSecret(c.id())), SaasHttp.standard()).read(now);
        return new SeatRead(new SeatAccount(M365_VENDOR, "Microsoft", s.tenantId(), s.accountName() == null ? s.tenantId() : s.accountName(),
                "Microsoft 365"), snap.subscriptions(), snap.activityKnown());
    }

    /** The manifest's object key of a month: the kind, the account as configured, the month. */
    private static String objectKey(Connection c, YearMonth month) {
        String account = SaasKinds.SALESFORCE.equals(c.kind()) ? java.net.URI.create(c.salesforce().instanceUrl()).getHost() : c.m365().tenantId();
        return c.kind() + "://" + account + "/" + month;
    }

    synchronized SeatPollResult poll(Connection c, boolean dryRun) {
        Instant now = Instant.now();
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        String objectKey = objectKey(c, month);
        try {
            SeatRead snapshot = read(c, now);
            SeatAccount account = snapshot.account();
            SeatChargeFile.Result file = SeatChargeFile.write(account, month, snapshot.subscriptions(), pricesOn(prices.book(account.vendor()), month));
            if (dryRun) return result(c, month, "dry-run", null, file, snapshot);
            Ingestion done = loads.load(c, objectKey, file.csv());
            if (!"failed".equals(done.status())) inventory.record(c.name(), account, snapshot.subscriptions(), now);
            SeatPollResult r = result(c, month, done.status(), done.id(), file, snapshot);
            record(c, "failed".equals(done.status()) ? "failed" : "ok", month + ": " + done.status() + " (ingestion " + done.id() + ")");
            return r;
        } catch (SaasReadException e) {
            throw failed(c, dryRun, objectKey, e, id -> SeatFailures.of(e, id));
        } catch (UnpricedSkuException e) {
            throw failed(c, dryRun, objectKey, e, id -> SeatFailures.of(e, id));
        }
    }

    /** Records a failed ingestion naming the fault (not for a dry run) and the poll's outcome; the ledger is untouched. */
    private ProblemException failed(Connection c, boolean dryRun, String objectKey, RuntimeException e, Function<UUID, ProblemException> problem) {
        if (dryRun) return problem.apply(null);
        String where = e instanceof SaasReadException r ? c.kind() + " " + r.where() : objectKey;
        return problem.apply(loads.recordFailedRead(c, objectKey, where, e.getMessage()));
    }

    private void record(Connection c, String status, String detail) {
        loads.recordPoll(c, status, detail);
    }

    /** Prices in force on the month's first day; SkuPriceId names the contract table version. */
    static Function<String, Optional<SeatPrice>> pricesOn(PriceBook book, YearMonth month) {
        LocalDate day = month.atDay(1);
        return sku -> book.priceOn(sku, day).map(p -> new SeatPrice(p.unitPrice(), p.currency(), p.term(), p.pricingUnit(),
                p.vendor() + "/" + p.sku() + "/" + p.validFrom() + "/v" + p.version()));
    }


    private static SeatPollResult result(Connection c, YearMonth month, String status, UUID ingestion, SeatChargeFile.Result file, SeatRead snap) {
        List<SeatPollResult.Total> totals = file.totalByCurrency().entrySet().stream()
                .map(e -> new SeatPollResult.Total(e.getKey(), e.getValue())).toList();
        List<SeatPollResult.SkuSeats> skus = snap.subscriptions().stream().map(SeatConnections::seats).toList();
        return new SeatPollResult(c.id(), month.toString(), status, ingestion, file.rows(), totals, file.paidSeats(), snap.activityKnown(), skus);
    }

    private static SeatPollResult.SkuSeats seats(SeatSubscription s) {
        Long inactive = s.active30d() == null ? null : Math.max(0, s.assignedTotal() - s.active30d());
        return new SeatPollResult.SkuSeats(s.sku(), s.purchased(), s.assignedTotal(), s.active30d(), s.unassigned(), inactive);
    }
}
