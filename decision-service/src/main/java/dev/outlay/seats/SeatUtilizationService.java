/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.seats;

import dev.outlay.connections.Connection;
import dev.outlay.connections.ConnectionService;
import dev.outlay.connections.SaasKinds;
import dev.outlay.inventory.InventoryItemView;
import dev.outlay.inventory.InventoryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A seat connection's utilization, read from the {@code saas-subscription} items its polls keep ({@link SeatInventory}). */
@ApplicationScoped
public class SeatUtilizationService {

    @Inject
    ConnectionService connections;

    @Inject
    InventoryStore inventory;

    public SeatUtilization of(UUID id) {
        Connection c = connections.get(id);
        if (!SaasKinds.M365.equals(c.kind()) && !SaasKinds.SALESFORCE.equals(c.kind())) throw new NoSeatConnectionException(id);
        List<SeatUtilization.Sku> skus = new ArrayList<>();
        Instant observed = null;
        for (InventoryItemView i : inventory.items("saas-subscription", null, true, 10_000)) {
            if (!c.name().equals(i.source())) continue;
            skus.add(sku(i));
            if (observed == null || i.observedAt().isAfter(observed)) observed = i.observedAt();
        }
        skus.sort(Comparator.comparing(SeatUtilization.Sku::sku).thenComparing(SeatUtilization.Sku::resourceId));
        return new SeatUtilization(c.id(), c.kind(), observed, skus.stream().mapToLong(SeatUtilization.Sku::unusedSeats).sum(), skus);
    }

    static SeatUtilization.Sku sku(InventoryItemView i) {
        Map<String, String> a = i.attributes();
        long purchased = number(a.get("seatsPurchased"));
        long assigned = number(a.get("seatsAssigned"));
        Long active = a.get("seatsActive") == null ? null : number(a.get("seatsActive"));
        long unassigned = Math.max(0, purchased - assigned);
        Long inactive = active == null ? null : Math.max(0, assigned - active);
        long unused = unassigned + (inactive == null ? 0 : inactive);
        return new SeatUtilization.Sku(a.getOrDefault("sku", i.size()), i.resourceId(), purchased, assigned, active, unassigned, inactive, unused);
    }

    private static long number(String v) {
        try {
            return v == null ? 0 : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
