/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.money;

import java.time.LocalDate;

/** No rate of the tenant's active set converts {@code from} into {@code to} on {@code date}. */
public class MissingRateException extends RuntimeException {

    private final String from;
    private final String to;
    private final LocalDate date;

    public MissingRateException(String from, String to, LocalDate date, String detail) {
        super("no exchange rate " + from + "/" + to + " for " + date + (detail == null ? "" : " (" + detail + ")"));
        this.from = from;
        this.to = to;
        this.date = date;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public LocalDate date() {
        return date;
    }
}
