/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * A parsed invoice summary (docs/invoices.md): one billing period (first of the month) and one currency for the whole
 * document, and its lines. Amounts are never added across currencies, so a document cannot mix them.
 */
public record InvoiceSummary(String format, LocalDate period, String currency, List<Line> lines) {

    /** One invoice line: {@code line} is the CSV's physical line or the JSON line's 1-based index. */
    public record Line(int line, String invoiceId, String billingAccountId, String service, String invoiceSection,
                       BigDecimal amount) {
    }

    public InvoiceSummary {
        lines = List.copyOf(lines);
    }

    /** The billing accounts the document covers, sorted. */
    public List<String> accounts() {
        return List.copyOf(new TreeSet<>(lines.stream().map(Line::billingAccountId).toList()));
    }

    public BigDecimal total() {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
