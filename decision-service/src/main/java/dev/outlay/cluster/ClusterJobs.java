/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.cluster;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * Scheduled jobs run once per cluster. Every instance's scheduler fires; the firing that moves the job's
 * {@code last_run} forward in {@code outlay.cluster_job} runs, the others return. One conditional upsert, on the
 * database's clock, so instances' clocks and start times do not matter.
 */
@ApplicationScoped
public class ClusterJobs {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InstanceLease lease;

    /**
     * For a job scheduled every {@code every}: runs when no instance ran it in the last 90% of that interval (each
     * instance fires at its own offset; the margin absorbs timer jitter without letting a second firing through).
     */
    public boolean onceEvery(String job, Duration every) {
        return claim(job, "now() - make_interval(secs => ?)", every.toMillis() * 0.9 / 1000.0);
    }

    /** {@link #onceEvery(String, Duration)} with the interval read from a scheduler expression in config ("5m", "PT1H"). */
    public boolean onceEvery(String job, String configKey, String defaultEvery) {
        String value = ConfigProvider.getConfig().getOptionalValue(configKey, String.class).orElse(defaultEvery);
        return onceEvery(job, parse(value));
    }

    /**
     * For a cron job: every instance fires at the same wall-clock minute; the first firing of that minute runs.
     */
    public boolean oncePerFiring(String job) {
        return claim(job, "date_trunc('minute', now())", null);
    }

    private boolean claim(String job, String notSince, Double seconds) {
        String sql = """
                INSERT INTO outlay.cluster_job AS j (job, last_run, instance_id) VALUES (?, now(), ?)
                ON CONFLICT (job) DO UPDATE SET last_run = now(), instance_id = EXCLUDED.instance_id
                WHERE j.last_run < %s
                RETURNING instance_id""".formatted(notSince);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, job);
            ps.setString(2, lease.id());
            if (seconds != null) ps.setDouble(3, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cluster job claim failed for " + job, e);
        }
    }

    /** Quarkus scheduler intervals: an ISO-8601 duration, or a number with s, m, h or d. */
    static Duration parse(String every) {
        String v = every.trim().toUpperCase(Locale.ROOT);
        if (v.startsWith("P")) return Duration.parse(v);
        if (v.endsWith("D")) return Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)));
        return Duration.parse("PT" + v);
    }
}
