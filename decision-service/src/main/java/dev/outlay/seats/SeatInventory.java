/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.seats;

import dev.outlay.connectors.saas.SeatAccount;
import dev.outlay.connectors.saas.SeatChargeFile;
import dev.outlay.connectors.saas.SeatSubscription;
import dev.outlay.inventory.AbsenceScope;
import dev.outlay.inventory.ImportFormat;
import dev.outlay.inventory.InventoryWriter;
import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.ResourceKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Feeds the unused-seats detector ({@code waste.saas.unused-seats}): each bought SKU becomes a {@code saas-subscription}
 * inventory item with {@code seatsPurchased} and {@code seatsActive}, under the resource id its ledger rows carry, so
 * the finding's cost is the SKU's charge. Only when the source knows sign-in activity: without it no seat is judged.
 */
@ApplicationScoped
public class SeatInventory {

    @Inject
    InventoryWriter writer;

    void record(String source, SeatAccount account, List<SeatSubscription> subscriptions, Instant observedAt) {
        List<InventoryItem> items = subscriptions.stream().filter(s -> s.purchased() >= 1 && s.active30d() != null)
                .map(s -> new InventoryItem(account.provider().toLowerCase(java.util.Locale.ROOT), account.accountId(), null, null,
                        SeatChargeFile.resourceId(account, s), ResourceKind.SAAS_SUBSCRIPTION, "active", s.sku(), null, null, null,
                        Map.of(), Map.of("seatsPurchased", Long.toString(s.purchased()), "seatsActive", Long.toString(s.active30d()),
                        "seatsAssigned", Long.toString(s.assignedTotal()), "sku", s.sku()), observedAt))
                .toList();
        // The poll lists every SKU of the account: one no longer listed (or no longer bought) is absent.
        writer.inventory(source, ImportFormat.SAAS_API, null, items, List.of(new AbsenceScope(null, ResourceKind.SAAS_SUBSCRIPTION)));
    }
}
