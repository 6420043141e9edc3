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

import dev.outlay.model.Charge;
import dev.outlay.model.SourceKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every fixture, plain and gzipped: row count, mapping version, and billed/effective totals to the last
 * decimal against sums computed independently from the fixture (by hand / a script when it was written).
 */
class FixtureTotalsTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of(SourceKind.AWS_CUR, "aws/cur2-every-line-item-type.csv", null, 19, "aws-cur-2.0/1",
                        "1524.0951900125", "106.3551900125", 1),
                Arguments.of(SourceKind.AWS_CUR, "aws/cur-legacy-bom-tags.csv", null, 6, "aws-cur-legacy/1",
                        "52.0845798901", "11.9145798901", 0),
                Arguments.of(SourceKind.FOCUS, "focus/focus-1.0-quirks.csv", null, 4, "focus-1.0/1",
                        "13.60001685990", "11.10001685990", 4),
                Arguments.of(SourceKind.FOCUS, "focus/focus-1.2-every-charge-kind.csv", null, 8, "focus-1.2/1",
                        "14.96", "14.96", 0),
                Arguments.of(SourceKind.INVOICE_CSV, "invoice/saas-invoice.csv", "invoice/saas-mapping.json", 6, "invoice-csv/2",
                        "1962.8733", "1962.8733", 1),
                Arguments.of(SourceKind.INVOICE_CSV, "invoice/saas-invoice.csv", "invoice/saas-mapping.yaml", 6, "invoice-csv/2",
                        "1962.8733", "1962.8733", 1),
                Arguments.of(SourceKind.INVOICE_CSV, "invoice/azure-ea-export.csv", "template:azure-ea", 5,
                        "invoice-csv/azure-ea-1", "720.5543618572", "720.5543618572", 0),
                Arguments.of(SourceKind.INVOICE_CSV, "invoice/oci-cost-report.csv", "template:oci-cost", 3,
                        "invoice-csv/oci-cost-1", "0.038964277499950943", "0.038964277499950943", 0),
                Arguments.of(SourceKind.INVOICE_CSV, "invoice/eu-invoice.csv", "invoice/eu-invoice-mapping.yaml", 5,
                        "invoice-csv/eu-saas-1", "16299.12", "16299.12", 0));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("fixtures")
    void totalsToTheLastDecimal(SourceKind kind, String fixture, String mapping, int rows, String version,
                                String billed, String effective, int flagged) {
        String json = mapping == null ? null : mapping.startsWith("template:")
                ? dev.outlay.connectors.invoice.InvoiceTemplates.text(mapping.substring("template:".length())) : Fixtures.text(mapping);
        for (byte[] data : new byte[][]{Fixtures.bytes(fixture), Fixtures.gzip(Fixtures.bytes(fixture))}) {
            Fixtures.Read read = Fixtures.readAll(kind, json, data, fixture);
            assertEquals(rows, read.charges().size(), "rows");
            assertEquals(version, read.schemaVersion());
            BigDecimal b = read.charges().stream().map(Charge::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal e = read.charges().stream().map(Charge::effectiveCost).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, new BigDecimal(billed).compareTo(b), "billed " + b);
            assertEquals(0, new BigDecimal(effective).compareTo(e), "effective " + e);
            assertEquals(flagged, read.charges().stream().filter(Charge::flagged).count(), "flagged rows");
        }
    }
}
