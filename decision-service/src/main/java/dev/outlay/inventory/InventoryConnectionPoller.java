/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.connections.AwsCredentials;
import dev.outlay.connections.Connection;
import dev.outlay.connections.ConnectionInput;
import dev.outlay.connections.ConnectionRepository;
import dev.outlay.connections.ConnectionService;
import dev.outlay.connectors.InvalidConfigException;
import dev.outlay.connectors.aws.inventory.AwsCredentialsRejectedException;
import dev.outlay.connectors.aws.inventory.AwsInventoryRead;
import dev.outlay.connectors.aws.inventory.AwsInventoryReadException;
import dev.outlay.connectors.aws.inventory.AwsInventoryReader;
import dev.outlay.connectors.aws.inventory.ServiceOutcome;
import dev.outlay.findings.InvalidMetricSeriesException;
import dev.outlay.model.inventory.ResourceKind;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads {@code aws-inventory} connections through {@link AwsInventoryReader} and stores the read through the same
 * writer as the generic import (source {@code connection:<id>}). The reader is all or nothing, and the store is one
 * transaction, so a failed read writes nothing; its outcome is kept on the connection (last poll status).
 */
@ApplicationScoped
public class InventoryConnectionPoller {

    @jakarta.inject.Inject
    dev.outlay.cluster.ClusterJobs cluster;

    private static final Logger LOG = Logger.getLogger(InventoryConnectionPoller.class);

    /** The reader's listing names → the kind a complete listing vouches for. */
    static final Map<String, ResourceKind> LISTINGS = Map.of(
            "ec2:instances", ResourceKind.COMPUTE_INSTANCE,
            "ec2:volumes", ResourceKind.BLOCK_VOLUME,
            "ec2:addresses", ResourceKind.PUBLIC_IP,
            "ec2:snapshots", ResourceKind.VOLUME_SNAPSHOT,
            "ec2:nat-gateways", ResourceKind.NAT_GATEWAY,
            "elbv2:load-balancers", ResourceKind.LOAD_BALANCER,
            "rds:db-instances", ResourceKind.DATABASE_INSTANCE);

    @Inject
    ConnectionRepository repository;

    @Inject
    ConnectionService connections;

    @Inject
    InventoryWriter writer;

    @Inject
    InventoryConfig config;

    @Inject
    TenantRegistry tenants;

    @Inject
    jakarta.enterprise.event.Event<dev.outlay.ingestion.InventoryLoaded> loaded;

    @Scheduled(every = "60s", delayed = "90s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.pollMinutes() <= 0) return;
        if (!cluster.onceEvery("inventory-poll", Duration.ofSeconds(60))) return;
        Instant dueBefore = Instant.now().minus(Duration.ofMinutes(config.pollMinutes()));
        for (String tenant : tenants.ids()) {
            TenantContext.runAs(TenantContext.system(tenant), () -> {
                for (Connection c : repository.enabled(ConnectionInput.AWS_INVENTORY)) {
                    if (c.lastPoll() != null && c.lastPoll().at().isAfter(dueBefore)) continue;
                    poll(c);
                }
            });
        }
    }

    /** Reads one connection of the caller's tenant now. */
    public InventoryPollResult pollNow(UUID id) {
        Connection c = connections.get(id);
        if (!ConnectionInput.AWS_INVENTORY.equals(c.kind())) {
            throw ProblemException.conflict("Connection " + id + " is of kind " + c.kind() + "; only aws-inventory connections are "
                    + "read on demand (aws-s3 connections: POST /api/v1/sources/{id}/backfill).");
        }
        return poll(c);
    }

    synchronized InventoryPollResult poll(Connection c) {
        String source = "connection:" + c.id();
        InventoryPollResult result;
        try {
            Optional<AwsCredentials> keys = connections.storedCredentials(c.id());
            AwsInventoryRead read = new AwsInventoryReader(c.inventory().config(keys.orElse(null))).read();
            List<ImportResult> stored = writer.read(source, read.items(), scopes(read.outcomes()), read.samples());
            long denied = read.outcomes().stream().filter(o -> o.status() == ServiceOutcome.Status.DENIED).count();
            result = new InventoryPollResult(c.id(), InventoryPollResult.OK, read.items().size() + " items, "
                    + read.samples().size() + " samples" + (denied > 0 ? ", " + denied + " listings denied (their items kept as they were)" : ""),
                    stored, read.outcomes());
        } catch (AwsCredentialsRejectedException e) {
            // The message names account, service and AWS's error code, never a key.
            result = new InventoryPollResult(c.id(), InventoryPollResult.UNHEALTHY, e.getMessage(), List.of(), List.of());
        } catch (AwsInventoryReadException | InvalidConfigException | InvalidMetricSeriesException e) {
            result = new InventoryPollResult(c.id(), InventoryPollResult.FAILED, e.getMessage(), List.of(), List.of());
        } catch (ProblemException e) {
            // e.g. no secrets key on this installation: the stored keys cannot be opened
            result = new InventoryPollResult(c.id(), InventoryPollResult.FAILED, e.problem().detail(), List.of(), List.of());
        } catch (RuntimeException e) {
            // The transaction rolled back: nothing of the read is stored; the next poll retries.
            LOG.errorf(e, "storing the inventory read of connection %s failed", c.id());
            result = new InventoryPollResult(c.id(), InventoryPollResult.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    List.of(), List.of());
        }
        if (!InventoryPollResult.OK.equals(result.status())) {
            LOG.warnf("inventory read of connection %s: %s (%s)", c.id(), result.status(), result.detail());
        } else {
            announce(source);
        }
        String detail = result.detail() == null ? "" : result.detail();
        repository.recordPoll(c.id(), Instant.now(), result.status(), detail.length() > 2000 ? detail.substring(0, 2000) : detail);
        return result;
    }

    /** Listeners (a findings scan) must not turn a stored read into a failed poll. */
    private void announce(String source) {
        try {
            loaded.fire(new dev.outlay.ingestion.InventoryLoaded(TenantContext.requireTenant(), source));
        } catch (RuntimeException e) {
            LOG.warnf(e, "inventory read %s: a listener of its success failed", source);
        }
    }

    /** The (region, kind) pairs the read listed completely; denied listings are left out. */
    static List<AbsenceScope> scopes(List<ServiceOutcome> outcomes) {
        List<AbsenceScope> out = new ArrayList<>();
        for (ServiceOutcome o : outcomes) {
            ResourceKind k = LISTINGS.get(o.service());
            if (k != null && o.status() == ServiceOutcome.Status.READ) out.add(new AbsenceScope(o.region(), k));
        }
        return out;
    }
}
