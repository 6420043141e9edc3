/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.cluster;

import dev.outlay.cluster.work.WorkDispatcher;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster primitives against the real database: scheduler claims run a job once per interval whichever
 * instance fires, per-tenant requests coalesce in the table, the claims of a lost instance are recovered (a finding
 * scan failed, nothing of a live instance touched), timer firings go to one instance, and the allocation_run_open
 * index refuses a second open run of a period.
 */
@QuarkusTest
class ClusterClaimsTest {

    static final String TENANT = "cluster-claims";

    @Inject
    ClusterJobs jobs;

    @Inject
    WorkClaims claims;

    @Inject
    WorkDispatcher dispatcher;

    @Inject
    TimerFirings firings;

    @Inject
    InstanceLease lease;

    @Inject
    TenantRegistry tenants;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aScheduledJobRunsOncePerIntervalAndCronFiring() throws Exception {
        String job = "test-" + UUID.randomUUID();
        assertTrue(jobs.onceEvery(job, Duration.ofMinutes(5)));
        assertFalse(jobs.onceEvery(job, Duration.ofMinutes(5)), "a second firing within the interval (another instance's) skips");
        sql("UPDATE outlay.cluster_job SET last_run = now() - interval '5 minutes' WHERE job = ?", job);
        assertTrue(jobs.onceEvery(job, Duration.ofMinutes(5)), "the next interval runs again");

        String cron = "cron-" + UUID.randomUUID();
        assertTrue(jobs.oncePerFiring(cron));
        assertFalse(jobs.oncePerFiring(cron), "the same minute's firing on another instance skips");
        assertEquals(Duration.ofMinutes(5), ClusterJobs.parse("5m"));
        assertEquals(Duration.ofHours(6), ClusterJobs.parse("6h"));
        assertEquals(Duration.ofDays(1), ClusterJobs.parse("1d"));
        assertEquals(Duration.ofSeconds(90), ClusterJobs.parse("PT90S"));
    }

    @Test
    void requestsOfOneTenantCoalesceInTheDatabase() {
        tenants.ensure(TENANT, "Cluster claims", false);
        String kind = "test-coalesce-" + UUID.randomUUID();
        UUID item = UUID.randomUUID();
        assertTrue(claims.request(kind, TENANT, item), "first request queues a run");
        assertFalse(claims.request(kind, TENANT, item), "a request while one waits changes nothing");
        Optional<WorkClaims.Item> taken = claims.claimNext(kind);
        assertEquals(item, taken.orElseThrow().id());
        assertTrue(claims.claimNext(kind).isEmpty(), "a taken item is not taken twice");
        assertFalse(claims.request(kind, TENANT, item), "a request while it runs asks for one more run");
        assertTrue(claims.release(kind, item));
        assertEquals(item, claims.claimNext(kind).orElseThrow().id(), "the one more run is queued after the first ends");
        assertTrue(claims.release(kind, item));
        assertTrue(claims.claimNext(kind).isEmpty(), "and no third");
    }

    @Test
    void theWorkOfALostInstanceIsRecoveredAndALiveOnesIsNot() throws Exception {
        tenants.ensure(TENANT, "Cluster claims", false);
        String dead = "dead-" + UUID.randomUUID();
        sql("INSERT INTO outlay.service_instance (instance_id, lease_until) VALUES (?, now() - interval '1 second')", dead);
        UUID lost = UUID.randomUUID();
        UUID live = UUID.randomUUID();
        TenantContext.runAs(TenantContext.system(TENANT), () -> {
            for (UUID id : new UUID[]{lost, live}) {
                sql("INSERT INTO outlay.finding_scan (id, tenant_id, status, trigger, profile, as_of, created_by) "
                        + "VALUES (?, ?, 'running', 'request', 'default', current_date, 'test')", id, TENANT);
            }
        });
        sql("INSERT INTO outlay.work_claim (kind, item_id, tenant_id, state, owner) VALUES ('finding-scan', ?, ?, 'leased', ?)", lost, TENANT, dead);
        claims.lease("finding-scan", TENANT, live);

        dispatcher.runOnce();

        TenantContext.runAs(TenantContext.system(TENANT), () -> {
            assertEquals("failed", text("SELECT status FROM outlay.finding_scan WHERE id = ?", lost));
            assertTrue(text("SELECT problem::text FROM outlay.finding_scan WHERE id = ?", lost).contains("interrupted"));
            assertEquals("running", text("SELECT status FROM outlay.finding_scan WHERE id = ?", live), "a live instance's scan is untouched");
        });
        assertEquals("0", text("SELECT count(*)::text FROM outlay.work_claim WHERE item_id = ?", lost), "the lost claim ended");
        assertEquals(lease.id(), text("SELECT owner FROM outlay.work_claim WHERE item_id = ?", live));
        assertTrue(claims.release("finding-scan", live));
    }

    @Test
    void aTimerFiringGoesToOneLiveInstance() throws Exception {
        String job = "job-" + UUID.randomUUID();
        assertTrue(firings.claim(job, 0));
        assertTrue(firings.claim(job, 0), "a retry by the same instance fires");
        String other = "other-" + UUID.randomUUID();
        sql("INSERT INTO outlay.service_instance (instance_id, lease_until) VALUES (?, now() + interval '1 minute')", other);
        sql("UPDATE outlay.timer_firing SET instance_id = ? WHERE job_id = ?", other, job);
        assertFalse(firings.claim(job, 0), "another live instance claimed this firing");
        assertTrue(firings.claim(job, 1), "the next execution is a new firing");
        sql("UPDATE outlay.service_instance SET lease_until = now() - interval '1 second' WHERE instance_id = ?", other);
        assertTrue(firings.claim(job, 0), "the claim of a lost instance passes on");
    }

    @Test
    void aSecondOpenAllocationRunOfAPeriodIsRefusedByTheIndex() {
        tenants.ensure(TENANT, "Cluster claims", false);
        TenantContext.runAs(TenantContext.system(TENANT), () -> {
            String insert = "INSERT INTO outlay.allocation_run (id, tenant_id, billing_period, version_hash, status, created_by, started_at) "
                    + "VALUES (?, ?, DATE '2031-01-01', 'v', 'queued', 'test', now())";
            UUID first = UUID.randomUUID();
            sql(insert, first, TENANT);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> sql(insert, UUID.randomUUID(), TENANT));
            assertTrue(e.getCause().getMessage().contains("allocation_run_open"), e.getCause().getMessage());
            sql("UPDATE outlay.allocation_run SET status = 'failed', finished_at = now() WHERE id = ?", first);
            sql(insert, UUID.randomUUID(), TENANT); // a closed run does not count
            sql("UPDATE outlay.allocation_run SET status = 'failed', finished_at = now() WHERE tenant_id = ? AND billing_period = DATE '2031-01-01' AND status = 'queued'", TENANT);
        });
    }

    private void sql(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
