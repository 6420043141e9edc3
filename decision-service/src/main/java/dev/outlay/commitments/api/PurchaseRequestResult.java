/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.commitments.api;

import dev.outlay.approvals.SpendRequest;
import dev.outlay.commitments.OfferRecommendation;

/** The spend request made from an offer, with the recommendation and price table it came from. */
public record PurchaseRequestResult(String recommendationId, String priceTableVersion, OfferRecommendation offer, SpendRequest spendRequest) {
}
