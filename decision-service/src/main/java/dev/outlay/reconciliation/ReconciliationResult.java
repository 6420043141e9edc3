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
import java.util.List;
import java.util.UUID;

/**
 * The whole result of a reconciliation run, stored as canonical JSON on the run (the close package reads it): every
 * check per billing account and currency, and the run's summary. Money fields are null on completeness checks,
 * which count source-days, not money.
 */
public record ReconciliationResult(String period, String periodState, String ruleSet, String ruleVersionHash, String through,
                                   List<Check> checks, Summary summary) {

    public ReconciliationResult {
        checks = List.copyOf(checks);
    }

    /**
     * One check: {@code reference} and {@code observed} name the two sides ({@code ledger:<source>},
     * {@code invoice:<document id>}, {@code expected}), the difference is observed minus reference, and both decisions
     * behind the verdict are named (replayable through the decision log). {@code pairing} says why a source-vs-source
     * check compares its two sides ({@code declared}, or {@code kinds:aws-cur/focus} for two kinds of export of one
     * account); null on other checks.
     */
    public record Check(int ordinal, String kind, String billingAccountId, String currency, String periodState, String reference,
                        String observed, BigDecimal referenceTotal, BigDecimal observedTotal, BigDecimal difference,
                        BigDecimal differencePercent, BigDecimal allowance, boolean breach, String severity, boolean openTriage,
                        List<ImpactedService> impactedServices, Confidence confidence, List<InvoiceTotal> invoiceTotals,
                        List<SectionTotal> invoiceSections, List<SourceDays> completeness, String toleranceRuleId,
                        String outcomeRuleId, UUID toleranceDecisionId, UUID outcomeDecisionId, String pairing) {

        Check withPairing(String basis) {
            return new Check(ordinal, kind, billingAccountId, currency, periodState, reference, observed, referenceTotal, observedTotal,
                    difference, differencePercent, allowance, breach, severity, openTriage, impactedServices, confidence, invoiceTotals,
                    invoiceSections, completeness, toleranceRuleId, outcomeRuleId, toleranceDecisionId, outcomeDecisionId, basis);
        }
    }

    /** Per invoice id: the ledger's rows carrying it (AWS CUR bill/InvoiceId, FOCUS InvoiceId) against the invoice's lines. */
    public record InvoiceTotal(String invoiceId, BigDecimal ledger, BigDecimal invoice, BigDecimal difference) {
    }

    /**
     * Azure MCA invoice sections as the invoice states them. The ledger keeps no invoice section, so these are the
     * invoice side only (an account's total is still compared in full).
     */
    public record SectionTotal(String invoiceSection, BigDecimal invoice) {
    }

    /** A source expected for the account: days expected up to {@code through}, those missing, and its newest day. */
    public record SourceDays(String source, int expectedDays, List<String> missingDays, String newestDay, boolean recencyMet) {
    }

    /**
     * {@code status}: passed or breached; the worst severity and the lowest confidence over all checks, with every
     * reason; per currency the summed ledger-vs-invoice difference and the largest absolute difference of any check.
     */
    public record Summary(String status, int checks, int breaches, String worstSeverity, boolean openTriage, Confidence confidence,
                          List<CurrencyTotal> byCurrency) {
    }

    public record CurrencyTotal(String currency, BigDecimal ledgerVsInvoiceDifference, BigDecimal largestAbsoluteDifference) {
    }
}
