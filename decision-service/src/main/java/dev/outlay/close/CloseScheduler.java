/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Generates preliminary packages automatically: a month with ledger data that is still OPEN
 * {@code outlay.close.preliminary-after-days} days after it ended gets its preliminary package and finance review.
 * A period that cannot be closed yet (failed ingestion, no allocation run) is recorded once in its history with
 * what is missing, and tried again at the next check.
 */
@ApplicationScoped
public class CloseScheduler {

    @jakarta.inject.Inject
    dev.outlay.cluster.ClusterJobs cluster;

    private static final Logger LOG = Logger.getLogger(CloseScheduler.class);
    static final String ACTOR = "outlay-close-scheduler";

    @Inject
    CloseService close;

    @Inject
    CloseStore db;

    @Inject
    CloseConfig config;

    @Inject
    TenantRegistry tenants;

    @Scheduled(identity = "close-preliminary", cron = "${outlay.close.cron:0 15 * * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!cluster.oncePerFiring("close-preliminary")) return;
        int started = 0;
        LocalDate today = LocalDate.now(Clock.systemUTC());
        for (String tenant : tenants.activeIds()) started += runFor(tenant, today);
        if (started > 0) LOG.infof("scheduled close: %d preliminary package(s) generated", started);
    }

    /** The tenant's due periods (ended at least N days ago, with ledger data, still OPEN); returns how many started. */
    public int runFor(String tenant, LocalDate today) {
        int started = 0;
        List<LocalDate> due;
        try {
            due = TenantContext.runAs(new dev.outlay.tenancy.Caller(tenant, ACTOR, java.util.Set.of("admin")),
                    () -> QuarkusTransaction.requiringNew().call(() -> db.query("""
                            SELECT DISTINCT d.billing_period FROM outlay.ledger_daily d
                            WHERE NOT EXISTS (SELECT 1 FROM outlay.close_period c WHERE c.period = d.billing_period AND c.state <> 'OPEN')
                            ORDER BY d.billing_period""", rs -> rs.getDate(1).toLocalDate())));
        } catch (RuntimeException e) {
            LOG.warnf(e, "close check failed for tenant %s", tenant);
            return 0;
        }
        for (LocalDate p : due) {
            YearMonth month = YearMonth.from(p);
            if (today.isBefore(month.atEndOfMonth().plusDays(1 + (long) config.preliminaryAfterDays()))) continue;
            try {
                TenantContext.runAs(new dev.outlay.tenancy.Caller(tenant, ACTOR, java.util.Set.of("admin")), () -> close.preliminary(month));
                started++;
            } catch (CloseRefusedException e) {
                String detail = e.getMessage();
                TenantContext.runAs(new dev.outlay.tenancy.Caller(tenant, ACTOR, java.util.Set.of("admin")), () ->
                        QuarkusTransaction.requiringNew().run(() -> {
                            db.lock(p);
                            if (!db.lastEventIs(p, "close.auto-refused", detail)) db.event(p, ACTOR, "close.auto-refused", detail);
                        }));
            } catch (RuntimeException e) {
                LOG.warnf(e, "automatic preliminary close of %s failed for tenant %s", month, tenant);
            }
        }
        return started;
    }
}
