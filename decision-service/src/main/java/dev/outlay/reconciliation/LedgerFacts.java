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
import java.util.Map;
import java.util.Set;

/**
 * What a run reads of the ledger for one billing period: billed cost per source, account, currency, service,
 * invoice id and charge category, the days each source has per account, and which sources an account had in the
 * period before with usage (a source that stopped delivering is expected, not forgotten), and which sources deliver
 * once a month (invoice uploads, and sources without a usage row in the period such as a late credit: complete with
 * any row, so a day without rows is no gap). {@code kindBySource}: the source kind
 * ({@code aws-cur}, {@code focus}, ...) of the ingestions a source's rows of the period came from; a source whose rows
 * came from ingestions of more than one kind is absent (its kind says nothing about what it covers).
 */
public record LedgerFacts(List<Cell> cells, Map<String, Map<String, Set<LocalDate>>> daysByAccountAndSource,
                          Map<String, Set<String>> previousSourcesByAccount, Set<String> monthlySources,
                          Map<String, String> kindBySource) {

    /** {@code invoiceId} is null when the provider left it blank (AWS CUR: the period is not final yet). */
    public record Cell(String source, String account, String currency, String service, String provider, String invoiceId,
                       String chargeCategory, BigDecimal billedCost, long rows) {
    }
}
