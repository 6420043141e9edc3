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
package dev.outlay.connectors;

import dev.outlay.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed files fail with the file, line and column of the first fault, never with a partial read. */
class BadInputTest {

    static byte[] truncatedGzip() {
        byte[] gz = Fixtures.gzip(Fixtures.bytes("aws/cur2-every-line-item-type.csv"));
        return Arrays.copyOf(gz, gz.length / 2);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("wrong delimiter", SourceKind.INVOICE_CSV, Fixtures.bytes("bad/semicolon-delimited.csv"), 1L, 0, "wrong delimiter"),
                Arguments.of("unparsable number", SourceKind.INVOICE_CSV, Fixtures.bytes("bad/unparsable-number.csv"), 3L, 2, "not a number: '12.5O'"),
                Arguments.of("unparsable date", SourceKind.INVOICE_CSV, Fixtures.bytes("bad/unparsable-date.csv"), 4L, 1, "not a date/time"),
                Arguments.of("missing mandatory column", SourceKind.AWS_CUR, Fixtures.bytes("bad/cur-missing-cost-column.csv"), 1L, 0, "line_item_unblended_cost"),
                Arguments.of("missing FOCUS column", SourceKind.FOCUS, "BilledCost,ChargeCategory\n1,Usage\n".getBytes(StandardCharsets.UTF_8), 1L, 0, "EffectiveCost"),
                Arguments.of("unterminated quote", SourceKind.INVOICE_CSV, Fixtures.bytes("bad/unterminated-quote.csv"), 2L, 4, "unterminated"),
                Arguments.of("ragged row", SourceKind.INVOICE_CSV, Fixtures.bytes("bad/ragged-row.csv"), 2L, 5, "6 fields, header has 4"),
                Arguments.of("truncated gzip", SourceKind.AWS_CUR, truncatedGzip(), -1L, 0, "truncated"),
                Arguments.of("UTF-16", SourceKind.INVOICE_CSV, "date,amount\n2024-10-01,1\n".getBytes(StandardCharsets.UTF_16), 1L, 0, "UTF-16"),
                Arguments.of("not UTF-8", SourceKind.INVOICE_CSV, latin1(), -1L, 0, "not valid UTF-8"),
                Arguments.of("empty file", SourceKind.FOCUS, new byte[0], 1L, 0, "empty"),
                Arguments.of("NUL in a cell", SourceKind.AWS_CUR, nulInDescription(), 4L, 25, "NUL character"));
    }

    /** The CUR 2.0 fixture with a NUL byte inside the quoted description of its third data row (line 4, column 25). */
    static byte[] nulInDescription() {
        return new String(Fixtures.bytes("aws/cur2-every-line-item-type.csv"), StandardCharsets.UTF_8)
                .replace("USD 0.0 hourly fee", "USD 0.0 hourly\u0000fee").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] latin1() {
        return "date,amount,currency,vendor\n2024-10-01,1.00,USD,Caf\u00e9 M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithPosition(String name, SourceKind kind, byte[] data, long line, int column, String message) {
        SourceFormatException e = assertThrows(SourceFormatException.class, () -> Fixtures.readAll(kind, null, data, "bad.csv"));
        assertEquals("bad.csv", e.file());
        if (line > 0) assertEquals(line, e.line(), e.getMessage());
        else assertTrue(e.line() >= 1, "a line is named");
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void invalidMappingNamesTheField() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Connectors.open(SourceKind.INVOICE_CSV, "{\"provider\":\"x\",\"currency\":\"USD\",\"columns\":{\"amount\":\"A\"}}", null, "f"));
        assertEquals("columns.amount", e.field());
        e = assertThrows(InvalidConfigException.class,
                () -> Connectors.open(SourceKind.INVOICE_CSV, "{\"provider\":\"x\",\"currency\":\"USD\",\"columns\":{\"chargePeriodStart\":\"d\",\"billedCost\":\"a\"},\"chargeCategories\":{\"sub\":\"Subscription\"}}", null, "f"));
        assertEquals("chargeCategories.sub", e.field());
        e = assertThrows(InvalidConfigException.class, () -> Connectors.open(SourceKind.INVOICE_CSV, "{nope", null, "f"));
        assertEquals("mapping", e.field());
        e = assertThrows(InvalidConfigException.class, () -> Connectors.open(SourceKind.INVOICE_CSV,
                "{\"provider\":\"x\",\"currency\":\"USD\",\"colums\":{\"billedCost\":\"a\"}}", null, "f"));
        assertEquals("colums", e.field(), "a misspelt key is refused, not ignored");
        e = assertThrows(InvalidConfigException.class, () -> Connectors.open(SourceKind.INVOICE_CSV,
                "{\"provider\":\"x\",\"provider\":\"y\",\"columns\":{\"chargePeriodStart\":\"d\",\"billedCost\":\"a\"}}", null, "f"));
        assertEquals("mapping", e.field());
        assertTrue(e.getMessage().contains("Duplicate field 'provider'"), e.getMessage());
    }

    /** The YAML notation fails the same way, naming the field or the line and column of the syntax error. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown target    | 'provider: x\ncurrency: USD\ncolumns:\n  amount: A\n'                                   | columns.amount      | unknown target 'amount'",
            "bad category      | 'provider: x\ncurrency: USD\ncolumns:\n  chargePeriodStart: d\n  billedCost: a\nchargeCategories:\n  sub: Subscription\n' | chargeCategories.sub | Subscription",
            "unknown key       | 'provider: x\ncurrency: USD\ncolums:\n  billedCost: a\n'                                   | colums              | unknown mapping key 'colums'",
            "bad indentation   | 'provider: x\ncolumns:\n  billedCost: a\n chargePeriodStart: d\n'                          | mapping             | line 4",
            "duplicate target  | 'provider: x\ncurrency: USD\ncolumns:\n  billedCost: a\n  billedCost: b\n'               | mapping             | Duplicate field 'billedCost'",
            "a list, not a map | '- provider: x\n'                                                                      | mapping             | invalid mapping",
            "bad currency      | 'provider: x\ncurrency: usd\ncolumns:\n  chargePeriodStart: d\n  billedCost: a\n'         | currency            | ISO 4217"})
    void invalidYamlMappingNamesTheFieldOrLine(String label, String yaml, String field, String message) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Connectors.open(SourceKind.INVOICE_CSV, yaml.replace("\\n", "\n"), null, "f"));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
