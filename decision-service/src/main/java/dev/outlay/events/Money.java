/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;

/** An amount with its currency; the amount is written as a decimal string so no consumer reads it as a double. */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    /** Null when there is no amount (a currency without an amount says nothing). */
    public static Money of(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }
}
