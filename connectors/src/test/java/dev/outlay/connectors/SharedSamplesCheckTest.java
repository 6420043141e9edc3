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

import dev.outlay.connectors.invoice.InvoiceTemplates;
import dev.outlay.model.Charge;
import dev.outlay.model.DataQualityFlag;
import dev.outlay.model.SourceKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Extra check against real public samples when a checkout sits next to ../shared/data (skipped otherwise):
 * totals published with the samples, and ≥ 99% of rows mapped to a charge category.
 */
class SharedSamplesCheckTest {

    static final Path DATA = Path.of("../../shared/data").toAbsolutePath().normalize();

    @Test
    void awsLegacySample() throws IOException {
        Path f = DATA.resolve("aws/cur-legacy-sample.csv");
        assumeTrue(Files.isRegularFile(f), "shared samples absent");
        var read = Fixtures.readAll(SourceKind.AWS_CUR, null, Files.readAllBytes(f), f.toString());
        assertEquals(1281, read.charges().size());
        assertEquals(0, new BigDecimal("1.68230869740").compareTo(sum(read, true)));
        assertMapped(read);
    }

    @Test
    void focusSample() throws IOException {
        Path f = DATA.resolve("focus/focus-1.0-sample.csv");
        assumeTrue(Files.isRegularFile(f), "shared samples absent");
        var read = Fixtures.readAll(SourceKind.FOCUS, null, Files.readAllBytes(f), f.toString());
        assertEquals(1000, read.charges().size());
        assertEquals(0, new BigDecimal("20.52022672899").compareTo(sum(read, true)));
        assertEquals(0, new BigDecimal("14.97651418586").compareTo(sum(read, false)));
        assertMapped(read);
    }

    /** Azure EA and OCI cost exports have no connector of their own yet; the invoice CSV contract carries them. */
    @Test
    void azureEaSampleThroughTheInvoiceMapping() throws IOException {
        Path f = DATA.resolve("azure/ea-export-sample.csv");
        assumeTrue(Files.isRegularFile(f), "shared samples absent");
        var read = Fixtures.readAll(SourceKind.INVOICE_CSV, InvoiceTemplates.text("azure-ea"), Files.readAllBytes(f), f.toString());
        assertEquals(27, read.charges().size());
        assertEquals(0, new BigDecimal("1.26136926505726").compareTo(sum(read, true)));
        assertTrue(read.charges().stream().allMatch(c -> c.tags().containsKey("tagA")), "brace-less tags read");
        assertTrue(read.charges().stream().noneMatch(Charge::flagged));
    }

    @Test
    void ociSampleThroughTheInvoiceMapping() throws IOException {
        Path f = DATA.resolve("oci/cost-report-sample.csv");
        assumeTrue(Files.isRegularFile(f), "shared samples absent");
        var read = Fixtures.readAll(SourceKind.INVOICE_CSV, InvoiceTemplates.text("oci-cost"), Files.readAllBytes(f), f.toString());
        assertEquals(506, read.charges().size());
        assertEquals(0, new BigDecimal("2.523589325400648027").compareTo(sum(read, true)));
        assertMapped(read);
        assertTrue(read.charges().stream().noneMatch(Charge::flagged), "every OCI service code mapped");
    }

    private static BigDecimal sum(Fixtures.Read read, boolean billed) {
        return read.charges().stream().map(billed ? Charge::billedCost : Charge::effectiveCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void assertMapped(Fixtures.Read read) {
        long unmapped = read.charges().stream().filter(c -> c.flags().contains(DataQualityFlag.UNMAPPED_CHARGE_CATEGORY)).count();
        assertTrue(unmapped * 100 <= read.charges().size(), "unmapped " + unmapped);
    }
}
