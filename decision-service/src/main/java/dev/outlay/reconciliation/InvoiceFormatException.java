/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

/**
 * An invoice summary that does not follow the contract: names the line (CSV: physical line, JSON: the line's index;
 * 0 for the document as a whole) and the field, so the API edge can say exactly where.
 */
public final class InvoiceFormatException extends RuntimeException {

    private final int line;
    private final String field;

    public InvoiceFormatException(int line, String field, String message) {
        super(message);
        this.line = line;
        this.field = field;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
