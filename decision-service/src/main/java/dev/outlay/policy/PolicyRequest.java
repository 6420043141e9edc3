/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.policy;

import java.math.BigDecimal;

/** A spend request, or a preview of one, as posted by a client; the budget is optional. */
public record PolicyRequest(String budgetId, String resourceClass, String environment, BigDecimal amount, String currency,
                            String owner, String description) {
}
