/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
    private static final Tolerance FINAL = new Tolerance(new BigDecimal("0.01"), BigDecimal.ZERO);
    private static final Tolerance PRELIMINARY = new Tolerance(BigDecimal.ZERO, BigDecimal.ONE);

    private static List<AmountLine> ledger() {
        List<AmountLine> lines = new ArrayList<>();
        for (String account : List.of("111111111111", "222222222222")) {
            lines.add(new AmountLine(account, "AmazonEC2", "USD", new BigDecimal("4000.00")));
            lines.add(new AmountLine(account, "AmazonS3", "USD", new BigDecimal("1200.00")));
            lines.add(new AmountLine(account, "AmazonRDS", "USD", new BigDecimal("2000.00")));
        }
        return lines;
    }

    /** The invoice side with one service of one account 0.5 % higher than the ledger. */
    private static List<AmountLine> invoiceWithInjectedDiscrepancy() {
        List<AmountLine> lines = new ArrayList<>();
        for (AmountLine l : ledger()) {
            boolean injected = l.account().equals("222222222222") && l.service().equals("AmazonS3");
            lines.add(injected ? new AmountLine(l.account(), l.service(), "USD", new BigDecimal("1206.00")) : l);
        }
        return lines;
    }

    @Test
    void injectedHalfPercentInOneServiceIsFoundAndNamedFirst() {
        ComparisonResult r = Reconciler.compare("USD", ledger(), invoiceWithInjectedDiscrepancy(), FINAL,
                ConfidenceInputs.complete());
        assertTrue(r.breach());
        assertEquals(0, r.difference().compareTo(new BigDecimal("6.00")));
        assertEquals(0, r.referenceTotal().compareTo(new BigDecimal("14400.00")));
        // 6 / 14400 = 0.041666 % of the total
        assertEquals(0, r.differencePercent().compareTo(new BigDecimal("0.0417")));
        ImpactedService first = r.impactedServices().get(0);
        assertEquals(1, first.rank());
        assertEquals("222222222222", first.account());
        assertEquals("AmazonS3", first.service());
        assertEquals(0, first.sharePercent().compareTo(new BigDecimal("100")));
        assertEquals(1, r.impactedServices().size());
        assertEquals(Confidence.Level.HIGH, r.confidence().level());
    }

    @Test
    void preliminaryToleranceOfOnePercentAcceptsTheSameDifference() {
        ComparisonResult r = Reconciler.compare("USD", ledger(), invoiceWithInjectedDiscrepancy(), PRELIMINARY,
                new ConfidenceInputs(false, false, 0));
        assertFalse(r.breach());
        assertEquals(0, r.allowance().compareTo(new BigDecimal("144.00")));
        assertEquals(Confidence.Level.MEDIUM, r.confidence().level());
        assertEquals(1, r.confidence().reasons().size());
    }

    @Test
    void offsettingErrorsDoNotHideInAMatchingTotal() {
        List<AmountLine> observed = new ArrayList<>(ledger());
        observed.set(0, new AmountLine("111111111111", "AmazonEC2", "USD", new BigDecimal("4010.00")));
        observed.set(1, new AmountLine("111111111111", "AmazonS3", "USD", new BigDecimal("1190.00")));
        ComparisonResult r = Reconciler.compare("USD", ledger(), observed, FINAL, ConfidenceInputs.complete());
        assertEquals(0, r.difference().signum());
        assertTrue(r.breach());
        assertEquals(2, r.impactedServices().size());
        assertEquals(0, r.impactedServices().get(0).sharePercent().compareTo(new BigDecimal("50")));
        // equal magnitude: ordered by account then service
        assertEquals("AmazonEC2", r.impactedServices().get(0).service());
    }

    @Test
    void resultDoesNotDependOnLineOrder() {
        List<AmountLine> shuffled = new ArrayList<>(invoiceWithInjectedDiscrepancy());
        Collections.reverse(shuffled);
        assertEquals(Reconciler.compare("USD", ledger(), invoiceWithInjectedDiscrepancy(), FINAL,
                        ConfidenceInputs.complete()),
                Reconciler.compare("USD", ledger(), shuffled, FINAL, ConfidenceInputs.complete()));
    }

    @Test
    void exactTieOutPassesToTheCent() {
        ComparisonResult r = Reconciler.compare("USD", ledger(), ledger(), FINAL, ConfidenceInputs.complete());
        assertFalse(r.breach());
        assertTrue(r.impactedServices().isEmpty());
        assertEquals(0, r.differencePercent().signum());
    }

    @Test
    void aDifferentCurrencyIsRefusedNotAdded() {
        List<AmountLine> eur = List.of(new AmountLine("111111111111", "AmazonEC2", "EUR", BigDecimal.TEN));
        CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class,
                () -> Reconciler.compare("USD", ledger(), eur, FINAL, ConfidenceInputs.complete()));
        assertTrue(e.getMessage().contains("EUR") && e.getMessage().contains("USD"));
    }

    @Test
    void percentOfAZeroReferenceIsUndefined() {
        assertNull(Reconciler.percentOf(BigDecimal.ONE, BigDecimal.ZERO));
    }

    @Test
    void completenessNamesMissingDaysAndAbsentSources() {
        YearMonth period = YearMonth.of(2026, 2);
        Set<LocalDate> allButTheTenth = new java.util.HashSet<>();
        for (int d = 1; d <= 28; d++) {
            if (d != 10) {
                allButTheTenth.add(period.atDay(d));
            }
        }
        List<CompletenessGap> gaps = CompletenessCheck.gaps(period, LocalDate.of(2026, 3, 5),
                Set.of("aws-cur", "focus"), Map.of("aws-cur", allButTheTenth));
        assertEquals(2, gaps.size());
        assertEquals("aws-cur", gaps.get(0).source());
        assertEquals(List.of(period.atDay(10)), gaps.get(0).missingDays());
        assertEquals(28, gaps.get(1).missingDays().size());
        assertEquals(29, CompletenessCheck.missingDays(gaps));
        ConfidenceInputs inputs = new ConfidenceInputs(true, false, CompletenessCheck.missingDays(gaps));
        assertEquals(Confidence.Level.LOW, inputs.assess().level());
    }

    @Test
    void completenessDuringThePeriodCountsOnlyDaysSoFar() {
        YearMonth period = YearMonth.of(2026, 2);
        List<CompletenessGap> gaps = CompletenessCheck.gaps(period, LocalDate.of(2026, 2, 3), Set.of("aws-cur"),
                Map.of("aws-cur", Set.of(period.atDay(1), period.atDay(2), period.atDay(3))));
        assertTrue(gaps.isEmpty());
    }
}
