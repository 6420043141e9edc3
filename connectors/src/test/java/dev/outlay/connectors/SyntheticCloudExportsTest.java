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

import dev.outlay.connectors.azure.blob.AzureBlobLocation;
import dev.outlay.connectors.azure.blob.AzureExportFiles;
import dev.outlay.connectors.azure.blob.AzureExportPeriod;
import dev.outlay.connectors.azure.blob.AzureExportSelection;
import dev.outlay.connectors.synthetic.SyntheticAzureExports;
import dev.outlay.connectors.synthetic.SyntheticGcpBilling;
import dev.outlay.model.Charge;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's native Azure and GCP generators: deterministic, and the Azure runs read back to their own sums. */
class SyntheticCloudExportsTest {

    static final LocalDate END = LocalDate.of(2024, 12, 31);

    static AzureExportFiles files() {
        return new AzureExportFiles(new AzureBlobLocation("demo", URI.create("http://127.0.0.1:1/demo"), "msexports", "demo"));
    }

    @Test
    void azureRunsAreDeterministicPartitionedAndReadBackToTheirSums() throws Exception {
        AzureExportFiles a = files();
        AzureExportFiles b = files();
        List<SyntheticAzureExports.Month> months = SyntheticAzureExports.write(a, END, 40, 140, 7);
        assertEquals(months, SyntheticAzureExports.write(b, END, 40, 140, 7));
        assertEquals(a.names(), b.names());
        for (String n : a.names()) assertTrue(Arrays.equals(a.bytes(n).orElseThrow(), b.bytes(n).orElseThrow()), n);
        // December: 31 days x (140 resources + 1 unused row) -> over 4,000 amortized rows, partitioned in two blobs
        assertEquals(2, a.names().stream().filter(n -> n.contains("demo-amortized/20241201-20241231/") && n.endsWith(".csv")).count());

        for (SyntheticAzureExports.Month m : months) {
            AzureExportPeriod p = AzureExportPeriod.find(a, AzureExportSelection.pair(SyntheticAzureExports.ACTUAL_EXPORT,
                    SyntheticAzureExports.AMORTIZED_EXPORT), m.month()).orElseThrow();
            BigDecimal billed = BigDecimal.ZERO;
            BigDecimal effective = BigDecimal.ZERO;
            long rows = 0;
            for (AzureExportPeriod.Part part : p.parts()) {
                try (ChargeStream s = part.open()) {
                    for (Charge c; (c = s.next()) != null; ) {
                        assertTrue(c.flags().isEmpty(), c.flags() + " " + c);
                        billed = billed.add(c.billedCost());
                        effective = effective.add(c.effectiveCost());
                        rows++;
                    }
                }
            }
            assertEquals(0, m.billed().compareTo(billed), m.month() + " billed " + billed);
            assertEquals(0, m.effective().compareTo(effective), m.month() + " effective " + effective);
            assertEquals(m.amortizedRows() + (m.reservationPurchase().signum() > 0 ? 1 : 0), rows);
        }
    }

    @Test
    void gcpRowsAreDeterministicAndAddUpPerInvoiceMonth() {
        SyntheticGcpBilling.Export e = SyntheticGcpBilling.generate(END, 40, 20, 9);
        assertEquals(e, SyntheticGcpBilling.generate(END, 40, 20, 9));
        for (SyntheticGcpBilling.Month m : e.months()) {
            List<SyntheticGcpBilling.Row> rows = e.rows().stream().filter(r -> r.invoiceMonth().equals(m.invoiceMonth())).toList();
            assertEquals(m.rows(), rows.size());
            assertEquals(0, m.cost().compareTo(rows.stream().map(SyntheticGcpBilling.Row::cost).reduce(BigDecimal.ZERO, BigDecimal::add)));
            assertEquals(0, m.credits().compareTo(rows.stream().flatMap(r -> r.credits().stream()).map(SyntheticGcpBilling.Credit::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)));
            assertEquals(1, rows.stream().filter(r -> r.costType().equals("tax")).count());
            assertTrue(rows.stream().flatMap(r -> r.credits().stream()).map(SyntheticGcpBilling.Credit::type).distinct().count() >= 3);
        }
    }
}
