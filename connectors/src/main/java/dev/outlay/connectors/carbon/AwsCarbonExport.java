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

import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.csv.CsvHeader;
import dev.outlay.connectors.csv.CsvParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an AWS Carbon emissions Data Export (the managed export that replaced the Customer Carbon Footprint Tool's
 * console download in 2025) as CSV: one row per usage period (a month), payer and usage account, product and
 * region, with location- and market-based totals. Columns as AWS documents them (Data Exports user guide, "Carbon
 * emissions columns"): {@code usage_period_start, usage_period_end, payer_account_id, usage_account_id,
 * product_code, region_code, location, total_lbm_emissions_value, total_lbm_emissions_unit,
 * total_mbm_emissions_value, total_mbm_emissions_unit, model_version, last_refresh_timestamp}.
 *
 * <p>Quirks handled: gzip by its magic bytes; a UTF-8 byte-order mark; header names in any case and order; empty or
 * {@code NULL} cells for the nullable columns (product, region, location); timestamps as
 * {@code YYYY-MM-DD HH:mm:ssZ} (as documented), ISO-8601 or a bare date; values in scientific notation (a small
 * account's monthly tonnes are often {@code 1.2E-5}). Values are metric tons (the only unit AWS writes, {@code MTCO2e})
 * and are stored as kilograms (× 1000, exact); any other unit is refused rather than guessed. A file is read whole or
 * refused with every faulty line.
 */
public final class AwsCarbonExport {

    static final List<String> REQUIRED = List.of("usage_period_start", "payer_account_id", "usage_account_id",
            "total_lbm_emissions_value", "total_lbm_emissions_unit", "model_version");
    static final BigDecimal KG_PER_TONNE = BigDecimal.valueOf(1000);
    private static final int MAX_FAULTS = 50;
    private static final DateTimeFormatter DOCUMENTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AwsCarbonExport() {
    }

    public static List<ProviderEmission> read(InputStream raw, String file) throws IOException {
        InputStream body = ExportBytes.open(raw);
        Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CsvParser csv = new CsvParser(reader, ',', file);
        List<CarbonExportFormatException.Fault> faults = new ArrayList<>();
        List<ProviderEmission> out = new ArrayList<>();
        try {
            String[] head = csv.next();
            if (head == null) throw new CarbonExportFormatException(file + " is empty", List.of(new CarbonExportFormatException.Fault(0, null, "no header row")));
            if (head.length > 0 && head[0].startsWith("\uFEFF")) head[0] = head[0].substring(1);
            CsvHeader header = new CsvHeader(List.of(head));
            for (String c : REQUIRED) {
                if (header.indexOf(c) < 0) faults.add(new CarbonExportFormatException.Fault(1, c, "required column missing"));
            }
            if (!faults.isEmpty()) throw new CarbonExportFormatException(file + " is not an AWS carbon emissions export", faults);
            Columns col = new Columns(header);
            String[] r;
            while ((r = csv.next()) != null && faults.size() < MAX_FAULTS) {
                long line = csv.recordLine();
                int before = faults.size();
                Row row = new Row(r, line, faults);
                YearMonth month = row.month(col.periodStart, "usage_period_start");
                String payer = row.required(col.payer, "payer_account_id");
                String usage = row.required(col.usage, "usage_account_id");
                BigDecimal lbm = row.tonnes(col.lbm, col.lbmUnit, "total_lbm_emissions_value", true);
                BigDecimal mbm = row.tonnes(col.mbm, col.mbmUnit, "total_mbm_emissions_value", false);
                String model = row.required(col.model, "model_version");
                Instant refresh = row.instant(col.refresh, "last_refresh_timestamp");
                if (faults.size() > before) continue;
                String region = row.optional(col.region);
                out.add(new ProviderEmission(month, payer, usage, row.optional(col.product),
                        region == null ? null : region.toLowerCase(Locale.ROOT), row.optional(col.location), lbm, mbm, model, refresh));
            }
        } catch (SourceFormatException e) {
            faults.add(new CarbonExportFormatException.Fault(e.line(), null, e.getMessage()));
        } catch (java.nio.charset.CharacterCodingException e) {
            faults.add(new CarbonExportFormatException.Fault(csv.recordLine(), null, "not UTF-8 text"));
        }
        if (!faults.isEmpty()) throw new CarbonExportFormatException(file + " has " + faults.size() + " unreadable line(s)", faults);
        return out;
    }

    private record Columns(int periodStart, int payer, int usage, int product, int region, int location, int lbm, int lbmUnit,
                           int mbm, int mbmUnit, int model, int refresh) {
        Columns(CsvHeader h) {
            this(h.indexOf("usage_period_start"), h.indexOf("payer_account_id"), h.indexOf("usage_account_id"),
                    h.indexOf("product_code"), h.indexOf("region_code"), h.indexOf("location"), h.indexOf("total_lbm_emissions_value"),
                    h.indexOf("total_lbm_emissions_unit"), h.indexOf("total_mbm_emissions_value"), h.indexOf("total_mbm_emissions_unit"),
                    h.indexOf("model_version"), h.indexOf("last_refresh_timestamp"));
        }
    }

    /** One record's cells with the faults of its line. */
    private record Row(String[] cells, long line, List<CarbonExportFormatException.Fault> faults) {

        String optional(int i) {
            if (i < 0 || i >= cells.length) return null;
            String v = cells[i].trim();
            return v.isEmpty() || v.equalsIgnoreCase("NULL") ? null : v;
        }

        String required(int i, String name) {
            String v = optional(i);
            if (v == null) faults.add(new CarbonExportFormatException.Fault(line, name, "required value missing"));
            return v;
        }

        YearMonth month(int i, String name) {
            Instant at = instant(i, name);
            if (at == null) {
                if (optional(i) == null) faults.add(new CarbonExportFormatException.Fault(line, name, "required value missing"));
                return null;
            }
            return YearMonth.from(at.atOffset(ZoneOffset.UTC));
        }

        Instant instant(int i, String name) {
            String v = optional(i);
            if (v == null) return null;
            try {
                String s = v.endsWith("Z") ? v.substring(0, v.length() - 1) : v;
                if (s.length() == 10) return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
                if (s.indexOf('T') > 0) return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
                return LocalDateTime.parse(s, DOCUMENTED).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                faults.add(new CarbonExportFormatException.Fault(line, name, "not a timestamp (YYYY-MM-DD HH:mm:ssZ): " + v));
                return null;
            }
        }

        BigDecimal tonnes(int value, int unit, String name, boolean required) {
            String v = required ? required(value, name) : optional(value);
            if (v == null) return null;
            BigDecimal t;
            try {
                t = new BigDecimal(v);
            } catch (NumberFormatException e) {
                faults.add(new CarbonExportFormatException.Fault(line, name, "not a number: " + v));
                return null;
            }
            String u = optional(unit);
            if (u != null && !u.equalsIgnoreCase("MTCO2e")) {
                faults.add(new CarbonExportFormatException.Fault(line, name.replace("_value", "_unit"), "unknown unit " + u + " (MTCO2e expected)"));
                return null;
            }
            if (t.signum() < 0) {
                faults.add(new CarbonExportFormatException.Fault(line, name, "negative emissions: " + v));
                return null;
            }
            // exact: 1.2E-5 t is 0.012 kg; trailing zeros dropped so the same figure always has the same text
            BigDecimal kg = t.multiply(KG_PER_TONNE).stripTrailingZeros();
            return kg.scale() < 0 ? kg.setScale(0) : kg;
        }
    }
}
