/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import dev.outlay.model.inventory.ResourceKind;

import java.util.Map;

/**
 * The licence facts a {@code saas-subscription} item must carry for the unused-seats detector: {@code seatsPurchased}
 * (whole number, at least 1) and {@code seatsActive} (whole number, at least 0: distinct seats with any activity in
 * the last 30 days as of the import). Checked at import so a malformed count is a 422 naming the line, never a
 * silently unjudged subscription. More active than purchased (an overage before true-up) is accepted: nothing unused.
 */
final class SaasSeats {

    static final String PURCHASED = "seatsPurchased";
    static final String ACTIVE = "seatsActive";

    private SaasSeats() {
    }

    static void check(ImportValues v, ImportRecord r, ResourceKind kind, Map<String, String> attributes) {
        if (kind != ResourceKind.SAAS_SUBSCRIPTION) return;
        whole(v, r, attributes, PURCHASED, 1);
        whole(v, r, attributes, ACTIVE, 0);
    }

    private static void whole(ImportValues v, ImportRecord r, Map<String, String> attributes, String key, long min) {
        String text = attributes.get(key);
        if (text == null || text.isBlank()) {
            v.fault(r, ImportColumns.ATTRIBUTES, "a saas-subscription needs attribute " + key + " (a whole number)");
            return;
        }
        try {
            if (Long.parseLong(text.strip()) >= min) return;
        } catch (NumberFormatException e) {
            // reported below
        }
        v.fault(r, ImportColumns.ATTRIBUTES, "attribute " + key + " must be a whole number of at least " + min + ", got '"
                + text + "'");
    }
}
