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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads Google Cloud's Carbon Footprint export: the BigQuery table the export writes, extracted as newline-delimited
 * JSON (the only text format BigQuery extracts nested RECORD columns to). One row per usage month, billing account,
 * project, service and location, in kilograms: {@code usage_month}, {@code billing_account_id},
 * {@code project {id, number}}, {@code service {id, description}}, {@code location {location, region}},
 * {@code carbon_model_version}, {@code carbon_footprint_kgCO2e {scope1, scope2 {location_based, market_based}, scope3}},
 * {@code carbon_footprint_total_kgCO2e {location_based, market_based}}.
 *
 * <p>Quirks handled: gzip by its magic bytes; a UTF-8 byte-order mark; blank lines; BigQuery writes INT64 columns
 * as JSON strings ({@code "carbon_model_version": "12"}) and FLOAT64 as numbers, sometimes in exponent form; a
 * deleted or project-less row has {@code project.id} null and {@code project.number} "" (Google documents both);
 * the deprecated {@code after_offsets} is null. The totals are compared (location- and market-based: scope 1 + 2 +
 * 3), as AWS's totals are; the scope split is checked for sign only. Numbers keep their written digits (never
 * through a double). A file is read whole or refused with every faulty line.
 */
public final class GcpCarbonExport {

    private static final int MAX_FAULTS = 50;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private GcpCarbonExport() {
    }

    public static List<ProviderEmission> read(InputStream raw, String file) throws IOException {
        InputStream body = ExportBytes.open(raw);
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        List<CarbonExportFormatException.Fault> faults = new ArrayList<>();
        List<ProviderEmission> out = new ArrayList<>();
        long line = 0;
        try {
            String text;
            while ((text = reader.readLine()) != null && faults.size() < MAX_FAULTS) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
                if (text.isBlank()) continue;
                JsonNode row;
                try {
                    row = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    faults.add(new CarbonExportFormatException.Fault(line, null, "not a JSON object: " + e.getOriginalMessage()));
                    continue;
                }
                if (row == null || !row.isObject()) {
                    faults.add(new CarbonExportFormatException.Fault(line, null, "not a JSON object"));
                    continue;
                }
                ProviderEmission e = row(row, line, faults);
                if (e != null) out.add(e);
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            faults.add(new CarbonExportFormatException.Fault(line + 1, null, "not UTF-8 text"));
        }
        if (out.isEmpty() && faults.isEmpty()) {
            faults.add(new CarbonExportFormatException.Fault(0, null, "no rows: expected the export table as newline-delimited JSON"));
        }
        if (!faults.isEmpty()) throw new CarbonExportFormatException(file + " has " + faults.size() + " unreadable line(s)", faults);
        return out;
    }

    private static ProviderEmission row(JsonNode r, long line, List<CarbonExportFormatException.Fault> faults) {
        int before = faults.size();
        YearMonth month = null;
        String monthText = text(r.path("usage_month"));
        if (monthText == null) {
            faults.add(new CarbonExportFormatException.Fault(line, "usage_month", "required (yyyy-mm-dd)"));
        } else {
            try {
                month = YearMonth.from(LocalDate.parse(monthText));
            } catch (DateTimeParseException e) {
                faults.add(new CarbonExportFormatException.Fault(line, "usage_month", "not a date: " + monthText));
            }
        }
        String account = text(r.path("billing_account_id"));
        if (account == null) faults.add(new CarbonExportFormatException.Fault(line, "billing_account_id", "required"));
        BigDecimal lbm = kg(r.path("carbon_footprint_total_kgCO2e").path("location_based"), "carbon_footprint_total_kgCO2e.location_based",
                true, line, faults);
        BigDecimal mbm = kg(r.path("carbon_footprint_total_kgCO2e").path("market_based"), "carbon_footprint_total_kgCO2e.market_based",
                false, line, faults);
        JsonNode scopes = r.path("carbon_footprint_kgCO2e");
        kg(scopes.path("scope1"), "carbon_footprint_kgCO2e.scope1", false, line, faults);
        kg(scopes.path("scope2").path("location_based"), "carbon_footprint_kgCO2e.scope2.location_based", false, line, faults);
        kg(scopes.path("scope3"), "carbon_footprint_kgCO2e.scope3", false, line, faults);
        String model = text(r.path("carbon_model_version"));
        if (model == null) faults.add(new CarbonExportFormatException.Fault(line, "carbon_model_version", "required"));
        if (faults.size() > before) return null;
        String project = text(r.path("project").path("id"));
        if (project == null) project = text(r.path("project").path("number"));
        String region = text(r.path("location").path("region"));
        return new ProviderEmission(month, account, project, text(r.path("service").path("description")),
                region == null ? null : region.toLowerCase(Locale.ROOT), text(r.path("location").path("location")), lbm, mbm, model, null);
    }

    /** A cell's text: null for absent, JSON null, "" (project.number's "no project") or "NULL". */
    private static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) return null;
        String v = n.isValueNode() ? n.asText().trim() : null;
        return v == null || v.isEmpty() || v.equalsIgnoreCase("NULL") ? null : v;
    }

    private static BigDecimal kg(JsonNode n, String field, boolean required, long line, List<CarbonExportFormatException.Fault> faults) {
        if (n.isMissingNode() || n.isNull()) {
            if (required) faults.add(new CarbonExportFormatException.Fault(line, field, "required (kgCO2e)"));
            return null;
        }
        BigDecimal v;
        if (n.isNumber()) {
            v = n.decimalValue();
        } else if (n.isTextual()) {
            try {
                v = new BigDecimal(n.asText().trim());
            } catch (NumberFormatException e) {
                faults.add(new CarbonExportFormatException.Fault(line, field, "not a number: " + n.asText()));
                return null;
            }
        } else {
            faults.add(new CarbonExportFormatException.Fault(line, field, "not a number"));
            return null;
        }
        if (v.signum() < 0) {
            faults.add(new CarbonExportFormatException.Fault(line, field, "negative"));
            return null;
        }
        BigDecimal plain = v.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
