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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static dev.outlay.connectors.carbon.AwsCarbonExportTest.gzip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Google's Carbon Footprint export (BigQuery table as NDJSON) and Azure's carbon optimization item details. */
class GcpAndAzureCarbonExportTest {

    static byte[] fixture(String name) throws IOException {
        try (java.io.InputStream in = GcpAndAzureCarbonExportTest.class.getResourceAsStream("/carbon/" + name)) {
            return in.readAllBytes();
        }
    }

    /** gzip it?, then per row: month, project, service, region, location, lbm kg, mbm kg, model. */
    static Stream<Arguments> gcp() {
        List<List<String>> rows = List.of(
                Arrays.asList("2026-10", "shop-prod", "Compute Engine", "us-central1", "us-central1-a", "49.75", "20", "12"),
                // project.id null and project.number "" (no project), a multi-region location, exponent floats, INT64 as a number
                Arrays.asList("2026-10", null, "Cloud Storage", null, "EU", "0.0012", "0", "12"),
                // numbers BigQuery wrote as strings keep their digits (trailing zeros dropped)
                Arrays.asList("2026-09", "shop-prod", "Compute Engine", "europe-west1", "europe-west1-b", "4", "1.1", "11"));
        return Stream.of(Arguments.of(false, rows), Arguments.of(true, rows));
    }

    @ParameterizedTest(name = "gzip={0}")
    @MethodSource("gcp")
    void readsGooglesNestedRows(boolean gz, List<List<String>> expected) throws IOException {
        byte[] bytes = fixture("gcp/export-nested.ndjson");
        List<ProviderEmission> rows = GcpCarbonExport.read(new ByteArrayInputStream(gz ? gzip(bytes) : bytes), "export.ndjson");
        assertEquals(expected.size(), rows.size(), rows.toString());
        for (int i = 0; i < rows.size(); i++) {
            ProviderEmission r = rows.get(i);
            List<String> e = expected.get(i);
            assertEquals(YearMonth.parse(e.get(0)), r.month());
            assertEquals("01A2B3-C4D5E6-F7A8B9", r.payerAccountId());
            assertEquals(e.get(1), r.usageAccountId());
            assertEquals(e.get(2), r.productCode());
            assertEquals(e.get(3), r.region());
            assertEquals(e.get(4), r.location());
            assertEquals(new BigDecimal(e.get(5)), r.lbmKg());
            assertEquals(new BigDecimal(e.get(6)), r.mbmKg());
            assertEquals(e.get(7), r.modelVersion());
        }
    }

    @Test
    void refusesGoogleRowsWholeNamingEachLineAndField() {
        CarbonExportFormatException e = assertThrows(CarbonExportFormatException.class, () ->
                GcpCarbonExport.read(new ByteArrayInputStream(fixture("gcp/bad-lines.ndjson")), "bad.ndjson"));
        List<String> faults = e.faults().stream().map(f -> f.line() + " " + f.column()).toList();
        assertEquals(List.of("2 usage_month", "2 carbon_footprint_total_kgCO2e.location_based", "3 billing_account_id",
                "3 carbon_footprint_total_kgCO2e.location_based", "4 null"), faults, e.faults().toString());
        assertThrows(CarbonExportFormatException.class, () -> GcpCarbonExport.read(new ByteArrayInputStream(new byte[0]), "empty"));
    }

    @Test
    void readsAzureItemDetailsAcrossPages() throws IOException {
        List<ProviderEmission> rows = AzureCarbonExport.read(new ByteArrayInputStream(fixture("azure/item-details-pages.json")),
                "oct.json", YearMonth.of(2026, 10), "00000000-0000-0000-0000-0000000000ab");
        assertEquals(List.of("Virtual Machines", "Storage", "Azure Cosmos DB"), rows.stream().map(ProviderEmission::productCode).toList());
        assertEquals(0, new BigDecimal("12.3456").compareTo(rows.get(0).lbmKg()));
        assertEquals(0, new BigDecimal("0.0002").compareTo(rows.get(2).lbmKg()));
        assertTrue(rows.stream().allMatch(r -> r.month().equals(YearMonth.of(2026, 10)) && r.mbmKg() == null
                && r.payerAccountId().equals("00000000-0000-0000-0000-0000000000ab")));
    }

    @Test
    void refusesAzureItemsThatCannotBeComparedByService() {
        CarbonExportFormatException e = assertThrows(CarbonExportFormatException.class, () ->
                AzureCarbonExport.read(new ByteArrayInputStream(fixture("azure/wrong-category.json")), "bad.json",
                        YearMonth.of(2026, 10), "sub"));
        List<String> faults = e.faults().stream().map(f -> f.line() + " " + f.column()).toList();
        assertEquals(List.of("1 categoryType", "2 dataType", "2 itemName", "2 latestMonthEmissions", "3 latestMonthEmissions"), faults,
                e.faults().toString());
        assertThrows(CarbonExportFormatException.class, () -> AzureCarbonExport.read(new ByteArrayInputStream("{\"value\":".getBytes()),
                "cut.json", YearMonth.of(2026, 10), "sub"));
    }
}
