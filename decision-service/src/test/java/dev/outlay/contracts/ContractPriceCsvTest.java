/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.contracts;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The contract price CSV over fixture files: what each valid file yields, and where each bad one is at fault. */
class ContractPriceCsvTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = ContractPriceCsvTest.class.getResourceAsStream("/contracts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void bomCrlfQuotedNotesAndDefaults() throws IOException {
        List<ContractPriceInput> p = ContractPriceCsv.parse(fixture("valid-bom-crlf.csv"));
        assertEquals(3, p.size());
        assertEquals("microsoft-365", p.get(0).vendor());
        assertEquals(0, new BigDecimal("36.00").compareTo(p.get(0).unitPrice()));
        assertNull(p.get(0).validTo());
        assertEquals("annual, prepaid", p.get(1).note());
        assertEquals(LocalDate.parse("2026-01-01"), p.get(1).validTo());
        assertEquals("year", p.get(1).term());
        // a blank pricing unit takes the default; a doubled quote is one quote
        assertEquals("License", p.get(2).pricingUnit());
        assertEquals("Sales Cloud \"Enterprise\"", p.get(2).note());
    }

    @Test
    void headerInAnyOrderAndCase() throws IOException {
        List<ContractPriceInput> p = ContractPriceCsv.parse(fixture("valid-reordered-header.csv"));
        assertEquals(List.of(new ContractPriceInput("microsoft-365", "ENTERPRISEPREMIUM", new BigDecimal("54.75"), "EUR", "month",
                "License", LocalDate.parse("2025-03-01"), null, null)), p);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("bad-cells.csv", List.of(
                        "2:3 not a decimal number: 'thirty'",
                        "3:6 not an ISO date (yyyy-mm-dd): '2025-13-01'",
                        "3:1 vendor: 1-64 lower-case letters, digits, '.', '_' or '-'",
                        "3:4 currency: an ISO 4217 code such as USD",
                        "3:5 term: one of [month, year] (the period the unit price pays for)",
                        "4:3 unitPrice: a decimal number of at least 0",
                        "4:7 validTo: after validFrom (exclusive end), or empty")),
                Arguments.of("bad-header.csv", List.of(
                        "1:3 unknown column 'price'",
                        "1:7 column 'vendor' repeats",
                        "1:- missing column unitprice")),
                Arguments.of("short-line.csv", List.of("2:- expected 6 columns, found 5")));
    }

    @ParameterizedTest
    @MethodSource
    void refused(String file, List<String> expected) throws IOException {
        String text = fixture(file);
        ProblemException e = assertThrows(ProblemException.class, () -> ContractPriceCsv.parse(text));
        List<String> faults = e.problem().errors().stream().map(ContractPriceCsvTest::where).toList();
        assertEquals(expected, faults);
    }

    private static String where(Problem.Fault f) {
        return f.line() + ":" + (f.column() == null ? "-" : f.column()) + " " + f.message();
    }
}
