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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the answer of Azure's carbon optimization API ({@code POST /providers/Microsoft.Carbon/carbonEmissionReports},
 * report type {@code ItemDetailsReport}, category {@code ServiceType}): {@code {"value": [{"dataType":
 * "ItemDetailsData", "itemName", "categoryType", "latestMonthEmissions", "previousMonthEmissions", ...}],
 * "skipToken"}}, one page or a JSON array of the pages. Emissions are kgCO2e over the query's date range.
 *
 * <p>The answer names neither the month nor the subscription (they are the query's), so the caller states both and
 * the query must be for that one month (date range start = end = the month's first day, as Azure requires for item
 * details). Quirks: items of another category (Location, ResourceGroup, Resource) cannot be matched to the ledger's
 * services and are refused rather than summed twice; {@code previousMonthEmissions} is not stored (it belongs to the
 * month before, which has its own import); numbers keep their written digits.
 */
public final class AzureCarbonExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private AzureCarbonExport() {
    }

    /** {@code scope}: the subscription (or billing account) the report was queried for; stored as the payer account. */
    public static List<ProviderEmission> read(InputStream in, String file, YearMonth month, String scope) throws IOException {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(scope, "scope");
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new CarbonExportFormatException(file + " is not JSON", List.of(new CarbonExportFormatException.Fault(
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null, e.getOriginalMessage())));
        }
        List<JsonNode> pages = new ArrayList<>();
        if (root != null && root.isArray()) root.forEach(pages::add);
        else if (root != null) pages.add(root);
        List<CarbonExportFormatException.Fault> faults = new ArrayList<>();
        List<ProviderEmission> out = new ArrayList<>();
        long item = 0;
        for (JsonNode page : pages) {
            JsonNode value = page.path("value");
            if (!value.isArray()) {
                faults.add(new CarbonExportFormatException.Fault(0, "value", "each page needs a value array (an ItemDetailsReport answer)"));
                continue;
            }
            for (JsonNode v : value) {
                item++;
                int before = faults.size();
                String dataType = v.path("dataType").asText("");
                if (!dataType.endsWith("ItemDetailsData")) {
                    faults.add(new CarbonExportFormatException.Fault(item, "dataType", "ItemDetailsData expected, got " + dataType));
                }
                String category = v.path("categoryType").asText("");
                if (!category.equals("ServiceType")) {
                    faults.add(new CarbonExportFormatException.Fault(item, "categoryType",
                            "ServiceType expected (only services can be compared with the ledger), got " + category));
                }
                String name = v.path("itemName").isTextual() ? v.path("itemName").asText().trim() : "";
                if (name.isEmpty()) faults.add(new CarbonExportFormatException.Fault(item, "itemName", "required"));
                BigDecimal kg = null;
                JsonNode e = v.path("latestMonthEmissions");
                if (!e.isNumber()) {
                    faults.add(new CarbonExportFormatException.Fault(item, "latestMonthEmissions", "required number (kgCO2e)"));
                } else if (e.decimalValue().signum() < 0) {
                    faults.add(new CarbonExportFormatException.Fault(item, "latestMonthEmissions", "negative"));
                } else {
                    kg = e.decimalValue();
                }
                if (faults.size() > before) continue;
                out.add(new ProviderEmission(month, scope, scope, name, null, null, kg, null, "carbon-optimization", null));
            }
        }
        if (out.isEmpty() && faults.isEmpty()) faults.add(new CarbonExportFormatException.Fault(0, "value", "no items"));
        if (!faults.isEmpty()) throw new CarbonExportFormatException(file + " has " + faults.size() + " unreadable item(s)", faults);
        return out;
    }
}
