/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import dev.outlay.connectors.aws.inventory.ServiceOutcome;
import dev.outlay.model.inventory.ResourceKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A connection read vouches for absence only where it listed completely. */
class AbsenceScopesTest {

    @Test
    void deniedListingsAndMetricsAreNoScope() {
        List<ServiceOutcome> outcomes = List.of(
                new ServiceOutcome("ec2:instances", "eu-west-1", ServiceOutcome.Status.READ, 3, 2, null),
                new ServiceOutcome("rds:db-instances", "eu-west-1", ServiceOutcome.Status.DENIED, 0, 0, "AccessDenied: no"),
                new ServiceOutcome("ec2:volumes", "us-east-1", ServiceOutcome.Status.READ, 0, 1, null),
                new ServiceOutcome("cloudwatch:metrics", "eu-west-1", ServiceOutcome.Status.READ, 7, 2, null));
        assertEquals(List.of(new AbsenceScope("eu-west-1", ResourceKind.COMPUTE_INSTANCE),
                        new AbsenceScope("us-east-1", ResourceKind.BLOCK_VOLUME)),
                InventoryConnectionPoller.scopes(outcomes));
    }

    @Test
    void everyListingOfTheReaderHasAKind() {
        assertEquals(7, InventoryConnectionPoller.LISTINGS.size());
        // Kubernetes workloads and SaaS subscriptions come only from the generic import: the AWS reader lists neither.
        assertEquals(List.of(ResourceKind.values()).stream()
                        .filter(k -> k != ResourceKind.KUBERNETES_WORKLOAD && k != ResourceKind.SAAS_SUBSCRIPTION).sorted().toList(),
                InventoryConnectionPoller.LISTINGS.values().stream().sorted().toList());
    }
}
