/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.budgets;

/**
 * The actual spend of a budget could not be read. Budget status and spend decisions stop here (the API answers
 * 503) instead of treating the budget as unspent, which would let the policy allow what it should block.
 */
public class ActualsUnavailableException extends RuntimeException {

    public ActualsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
