/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.commitments.api;

/**
 * Turns one offer of a recommendation into a spend request. {@code recommendationId} must be the id the recommendation
 * has now (same {@code asOf} and {@code lookbackDays}): a ledger that changed since answers 409. {@code owner},
 * {@code environment} (default {@code prod}) and {@code budgetId} go to the spend policy as for any spend request.
 */
public record PurchaseRequestInput(String recommendationId, String currency, Integer termYears, String payment, String asOf,
                                   Integer lookbackDays, String owner, String environment, String budgetId) {
}
