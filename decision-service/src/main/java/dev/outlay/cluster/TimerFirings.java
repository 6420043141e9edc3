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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Makes each firing of a process timer happen on one instance ({@code outlay.timer_firing}, V330). Kogito's embedded
 * jobs service runs on every instance; a job can sit in two instances' in-memory schedules (the creator's, and the
 * leader's periodic load from the job table), and both would call back. The first to claim fires; a retry of the
 * same firing by the claimer passes; the claim of an instance that is gone passes to the next firer.
 */
@ApplicationScoped
public class TimerFirings {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InstanceLease lease;

    /** True when this instance may fire this execution of the job. */
    public boolean claim(String jobId, int execution) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outlay.timer_firing AS f (job_id, execution, instance_id) VALUES (?, ?, ?)
                ON CONFLICT (job_id, execution) DO UPDATE SET instance_id = EXCLUDED.instance_id, claimed_at = now()
                WHERE f.instance_id = EXCLUDED.instance_id OR f.instance_id NOT IN %s
                RETURNING instance_id""".formatted(InstanceLease.LIVE))) {
            ps.setString(1, jobId);
            ps.setInt(2, execution);
            ps.setString(3, lease.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("timer firing claim failed for job " + jobId, e);
        }
    }
}
