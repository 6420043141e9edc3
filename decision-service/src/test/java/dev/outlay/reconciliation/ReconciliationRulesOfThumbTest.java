/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a period counts as final at the provider, what lowers confidence, and how a run's checks add up. */
class ReconciliationRulesOfThumbTest {

    static final LocalDate AUGUST = LocalDate.of(2024, 8, 1);

    private static LedgerFacts.Cell cell(String provider, String invoiceId, String category, String amount) {
        return new LedgerFacts.Cell("src", "acct", "USD", "svc", provider, invoiceId, category, new BigDecimal(amount), 1);
    }

    @Test
    void awsIsFinalOnceRowsCarryAnInvoiceIdAndAzureSeventyTwoHoursAfterThePeriod() {
        Instant sep1 = Instant.parse("2024-09-01T00:00:00Z");
        assertFalse(ReconciliationService.finalAtProvider(cell("AWS", null, "Usage", "1"), AUGUST, sep1.plusSeconds(30 * 86400)),
                "a blank bill/InvoiceId is still an estimate, however late");
        assertTrue(ReconciliationService.finalAtProvider(cell("AWS", "INV-1", "Usage", "1"), AUGUST, sep1));
        assertFalse(ReconciliationService.finalAtProvider(cell("Microsoft", null, "Usage", "1"), AUGUST, sep1.plusSeconds(71 * 3600)));
        assertTrue(ReconciliationService.finalAtProvider(cell("Microsoft", null, "Usage", "1"), AUGUST, sep1.plusSeconds(72 * 3600)));
    }

    @Test
    void uninvoicedCreditsAndMissingDaysLowerConfidence() {
        Instant late = Instant.parse("2024-10-01T00:00:00Z");
        ConfidenceInputs clean = ReconciliationService.confidence(List.of(cell("AWS", "INV-1", "Usage", "10")), AUGUST, late, 0);
        assertEquals(ConfidenceInputs.complete(), clean);
        ConfidenceInputs credit = ReconciliationService.confidence(List.of(cell("AWS", "INV-1", "Usage", "10"),
                cell("AWS", null, "Credit", "-2")), AUGUST, late, 3);
        assertFalse(credit.finalAtProvider());
        assertTrue(credit.creditsPending());
        assertEquals(3, credit.missingDays());
    }

    private static ReconciliationResult.Check check(String kind, String currency, String difference, boolean breach, String severity,
                                                    Confidence.Level level) {
        return new ReconciliationResult.Check(1, kind, "acct", currency, "FINAL", "a", "b", null, null,
                difference == null ? null : new BigDecimal(difference), null, null, breach, severity, breach, List.of(),
                new Confidence(level, level == Confidence.Level.HIGH ? List.of() : List.of("why")), List.of(), List.of(), List.of(),
                "RT", "RO", UUID.randomUUID(), UUID.randomUUID(), null);
    }

    @Test
    void theSummaryTakesTheWorstSeverityTheLowestConfidenceAndSumsPerCurrencyOnly() {
        ReconciliationResult.Summary s = ReconciliationService.summary(List.of(
                check("ledger-vs-invoice", "USD", "6.20", true, "high", Confidence.Level.HIGH),
                check("ledger-vs-invoice", "USD", "-1.20", false, "none", Confidence.Level.MEDIUM),
                check("ledger-vs-invoice", "EUR", "3.00", true, "critical", Confidence.Level.HIGH),
                check("source-vs-source", "USD", "-9.00", false, "none", Confidence.Level.HIGH),
                check("completeness", null, null, false, "none", Confidence.Level.HIGH)));
        assertEquals("breached", s.status());
        assertEquals(2, s.breaches());
        assertEquals("critical", s.worstSeverity());
        assertEquals(Confidence.Level.MEDIUM, s.confidence().level());
        assertEquals(List.of("acct USD: why"), s.confidence().reasons());
        assertEquals(List.of("EUR", "USD"), s.byCurrency().stream().map(ReconciliationResult.CurrencyTotal::currency).toList());
        ReconciliationResult.CurrencyTotal usd = s.byCurrency().get(1);
        assertEquals(0, new BigDecimal("5.00").compareTo(usd.ledgerVsInvoiceDifference()), "source-vs-source is not an invoice difference");
        assertEquals(0, new BigDecimal("9.00").compareTo(usd.largestAbsoluteDifference()));
    }
}
