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
package dev.outlay.connectors.carbon;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The AWS carbon emissions export parser over fixture files with the export's quirks (table-driven). */
class AwsCarbonExportTest {

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = AwsCarbonExportTest.class.getResourceAsStream("/carbon/aws/" + name)) {
            return in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    /** file, gzip it, rows, then per row: month, product, region, location, lbm kg, mbm kg (null: none). */
    static Stream<Arguments> readable() {
        return Stream.of(
                Arguments.of("documented-with-bom.csv", false, List.of(
                        List.of("2026-10", "AmazonEC2", "us-east-1", "US East (N. Virginia)", "12.5", "2.1"),
                        List.of("2026-10", "AmazonS3", "eu-west-1", "Europe (Ireland), \"Dublin\"", "0.4", "0"),
                        List.of("2026-10", "AmazonCloudFront", "global", "Global", "0.03", "0.01"))),
                Arguments.of("documented-with-bom.csv", true, List.of(
                        List.of("2026-10", "AmazonEC2", "us-east-1", "US East (N. Virginia)", "12.5", "2.1"),
                        List.of("2026-10", "AmazonS3", "eu-west-1", "Europe (Ireland), \"Dublin\"", "0.4", "0"),
                        List.of("2026-10", "AmazonCloudFront", "global", "Global", "0.03", "0.01"))),
                // header in another case and order, NULL cells, scientific notation, ISO and bare-date timestamps, CRLF
                Arguments.of("reordered-nulls-crlf.csv", false, List.of(
                        java.util.Arrays.asList("2026-09", "AmazonEC2", "us-east-1", null, "0.012", null),
                        java.util.Arrays.asList("2026-09", null, null, null, "500", null))));
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("readable")
    void readsEveryRowExactly(String file, boolean gz, List<List<String>> expected) throws IOException {
        byte[] bytes = fixture(file);
        List<ProviderEmission> rows = AwsCarbonExport.read(new ByteArrayInputStream(gz ? gzip(bytes) : bytes), file);
        assertEquals(expected.size(), rows.size(), rows.toString());
        for (int i = 0; i < rows.size(); i++) {
            ProviderEmission r = rows.get(i);
            List<String> e = expected.get(i);
            assertEquals(YearMonth.parse(e.get(0)), r.month());
            assertEquals(e.get(1), r.productCode());
            assertEquals(e.get(2), r.region());
            assertEquals(e.get(3), r.location());
            assertEquals(new BigDecimal(e.get(4)), r.lbmKg(), "kg are tonnes × 1000, exact, without trailing zeros");
            if (e.get(5) == null) assertNull(r.mbmKg());
            else assertEquals(new BigDecimal(e.get(5)), r.mbmKg());
            assertEquals("220987654321", r.payerAccountId());
            assertEquals("310987654321", r.usageAccountId());
            assertEquals("v2.0.0", r.modelVersion());
        }
    }

    /** file, then the faults as "line column: message" prefixes. */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("bad-lines.csv", List.of(
                        "3 total_lbm_emissions_unit: unknown unit lbCO2e",
                        "4 usage_period_start: not a timestamp",
                        "4 total_lbm_emissions_value: not a number: ten",
                        "5 payer_account_id: required value missing",
                        "5 total_lbm_emissions_value: negative emissions")),
                Arguments.of("missing-columns.csv", List.of(
                        "1 usage_account_id: required column missing",
                        "1 total_lbm_emissions_unit: required column missing",
                        "1 model_version: required column missing")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWithEveryFaultyLine(String file, List<String> expected) throws IOException {
        byte[] bytes = fixture(file);
        CarbonExportFormatException e = assertThrows(CarbonExportFormatException.class,
                () -> AwsCarbonExport.read(new ByteArrayInputStream(bytes), file));
        List<String> got = e.faults().stream().map(f -> f.line() + " " + f.column() + ": " + f.message()).toList();
        assertEquals(expected.size(), got.size(), got.toString());
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            String have = got.get(i);
            assertEquals(true, have.startsWith(want), have + " should start with " + want);
        }
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThrows(CarbonExportFormatException.class, () -> AwsCarbonExport.read(new ByteArrayInputStream(new byte[0]), "empty.csv"));
    }
}
