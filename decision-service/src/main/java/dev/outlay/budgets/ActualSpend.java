/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.budgets;

import java.time.LocalDate;
import java.util.List;

/**
 * Actual daily spend for an allocation scope in one currency, from the ledger. {@code to} is exclusive; days
 * without spend may be absent, but an actual that cannot be read is never an absent day: implementations throw
 * {@link ActualsUnavailableException}, so nothing downstream decides on a budget that looks unspent.
 */
public interface ActualSpend {

    List<DailyAmount> daily(BudgetScope scope, String currency, LocalDate from, LocalDate to);
}
