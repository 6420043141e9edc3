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
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This instance's lease in {@code outlay.service_instance}: written first at start-up, renewed by a heartbeat and
 * deleted at a clean shutdown. Every claim of this instance lives as long as this lease; the SQL fragment
 * {@link #LIVE} tells the others which instances still hold one.
 */
@ApplicationScoped
public class InstanceLease {

    private static final Logger LOG = Logger.getLogger(InstanceLease.class);

    /** Instances whose lease has not run out (on the database's clock: instances' clocks may differ). */
    public static final String LIVE = "(SELECT instance_id FROM outlay.service_instance WHERE lease_until > now())";

    @Inject
    ClusterConfig config;

    @Inject
    AgroalDataSource dataSource;

    private String id;
    private ScheduledExecutorService heartbeat;

    @jakarta.annotation.PostConstruct
    void init() {
        id = config.instanceId().filter(s -> !s.isBlank()).orElseGet(InstanceLease::generatedId);
    }

    public String id() {
        return id;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        renew(true);
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outlay-cluster-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = config.heartbeatEvery().toMillis();
        heartbeat.scheduleWithFixedDelay(() -> renew(false), every, every, TimeUnit.MILLISECONDS);
        LOG.infof("cluster instance %s holds a lease of %s", id, config.leaseTtl());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (heartbeat != null) heartbeat.shutdownNow();
        // A clean stop hands its work over at once instead of after the lease runs out. Claims still leased by this
        // instance become expired for the next survivor's recovery pass.
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM outlay.service_instance WHERE instance_id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("cluster instance %s: lease not released (%s); it runs out after %s", id, e.getMessage(), config.leaseTtl());
        }
    }

    private void renew(boolean first) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outlay.service_instance (instance_id, lease_until) VALUES (?, now() + make_interval(secs => ?))
                ON CONFLICT (instance_id) DO UPDATE SET lease_until = EXCLUDED.lease_until""")) {
            ps.setString(1, id);
            ps.setDouble(2, config.leaseTtl().toMillis() / 1000.0);
            ps.executeUpdate();
            if (!first) cleanUp(c);
        } catch (SQLException | RuntimeException e) {
            if (first) throw new IllegalStateException("cluster lease could not be written", e);
            LOG.warnf("cluster instance %s: heartbeat failed (%s)", id, e.getMessage());
        }
    }

    /** Instances gone for a day and timer firings a week old are only noise (their work was recovered long ago). */
    private static void cleanUp(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM outlay.service_instance WHERE lease_until < now() - interval '1 day'")) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM outlay.timer_firing WHERE claimed_at < now() - interval '7 days'")) {
            ps.executeUpdate();
        }
    }

    private static String generatedId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "outlay";
        }
        byte[] r = new byte[4];
        new SecureRandom().nextBytes(r);
        return host + "-" + HexFormat.of().formatHex(r);
    }
}
