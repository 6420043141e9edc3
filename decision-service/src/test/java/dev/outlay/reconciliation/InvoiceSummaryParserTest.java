/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The invoice-summary contract (docs/invoices.md) over fixtures with the quirks real exports have. */
class InvoiceSummaryParserTest {

    private static byte[] fixture(String name) {
        try (InputStream in = InvoiceSummaryParserTest.class.getResourceAsStream("/fixtures/invoices/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** file, period, currency, accounts, total, first line's service, first line's invoice id, last line's section. */
    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("bom.csv", "2024-08-01", "USD", List.of("111111111111"), "4340.00", "AmazonEC2", "INV-1", null),
                Arguments.of("header-variants.csv", "2024-08-01", "USD", List.of("222222222222"), "4346.20", "AmazonEC2", "INV-7", null),
                Arguments.of("doubled-quotes.csv", "2024-08-01", "EUR", List.of("333333333333"), "94.50", "Support \"Business\", monthly", "INV-2", null),
                Arguments.of("null-optional.csv", "2024-08-01", "EUR", List.of("444444444444"), "12.50", "Virtual Machines", null, "Team A"),
                Arguments.of("semicolon.csv", "2024-08-01", "USD", List.of("666666666666"), "7.25", "AmazonEC2", null, null),
                Arguments.of("summary.json", "2024-08-01", "USD", List.of("777777777777", "888888888888"), "4340.100001", "AmazonEC2", "INV-9", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void accepts(String file, String period, String currency, List<String> accounts, String total, String firstService,
                 String firstInvoiceId, String lastSection) {
        InvoiceSummary s = InvoiceSummaryParser.parse(file, fixture(file));
        assertEquals(LocalDate.parse(period), s.period());
        assertEquals(currency, s.currency());
        assertEquals(accounts, s.accounts());
        assertEquals(0, new BigDecimal(total).compareTo(s.total()), "total " + s.total());
        assertEquals(firstService, s.lines().get(0).service());
        assertEquals(firstInvoiceId, s.lines().get(0).invoiceId());
        assertEquals(lastSection, s.lines().get(s.lines().size() - 1).invoiceSection());
    }

    /** file, line, field, a fragment of the message. */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("null-amount.csv", 3, "amount", "required"),
                Arguments.of("mixed-currency.csv", 3, "currency", "currency EUR differs from USD on line 2"),
                Arguments.of("mixed-period.csv", 3, "billingPeriod", "billing period 2024-09 differs from 2024-08 on line 2"),
                Arguments.of("thousands.csv", 2, "amount", "'1,000.00' is not a decimal amount"),
                Arguments.of("missing-column.csv", 1, "service", "the header has no service column"),
                Arguments.of("bad-amount.json", 2, "lines[1].amount", "'12,5' is not a decimal amount"),
                Arguments.of("bad-period.json", 0, "billingPeriod", "not the first day of a month"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String file, int line, String field, String fragment) {
        InvoiceFormatException e = assertThrows(InvoiceFormatException.class, () -> InvoiceSummaryParser.parse(file, fixture(file)));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void theFormatIsSniffedWithoutAFileName(String file) {
        InvoiceSummary named = InvoiceSummaryParser.parse(file, fixture(file));
        InvoiceSummary sniffed = InvoiceSummaryParser.parse("upload", fixture(file));
        assertEquals(named, sniffed);
    }
}
