/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.cluster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code outlay.cluster.*}: several identical instances on one PostgreSQL (docs/deployment-topologies.md). */
@ConfigMapping(prefix = "outlay.cluster")
public interface ClusterConfig {

    /** This instance's name in leases and claims; default host name plus a random suffix, new at every start. */
    Optional<String> instanceId();

    /** How long an instance's lease lasts without a heartbeat; after it, survivors recover the instance's work. */
    @WithDefault("PT30S")
    Duration leaseTtl();

    /** How often the lease is renewed (well below {@link #leaseTtl()}). */
    @WithDefault("PT5S")
    Duration heartbeatEvery();

    /** How often an instance recovers expired claims and looks for queued work. */
    @WithDefault("PT2S")
    Duration pollEvery();

    /**
     * Keep each upload's bytes in PostgreSQL until its ingestion ends, so a survivor can finish an ingestion whose
     * instance died. Off on a single box (a restart fails the ingestion and the file is sent again, as before).
     */
    @WithDefault("false")
    boolean sharedSpool();
}
