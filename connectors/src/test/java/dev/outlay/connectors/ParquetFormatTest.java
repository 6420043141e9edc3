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
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.outlay.connectors.ParquetFixtures.Kind.DECIMAL;
import static dev.outlay.connectors.ParquetFixtures.Kind.DOUBLE;
import static dev.outlay.connectors.ParquetFixtures.Kind.MAP;
import static dev.outlay.connectors.ParquetFixtures.Kind.STRING;
import static dev.outlay.connectors.ParquetFixtures.Kind.TIMESTAMP_MICROS;
import static dev.outlay.connectors.ParquetFixtures.Kind.TIMESTAMP_MILLIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Parquet path gives exactly what the CSV path gives for the same data: every charge field (money compared by
 * value), totals to the last decimal, under each codec billing exports use.
 */
class ParquetFormatTest {

    /** CUR 2.0 Parquet as AWS Data Exports writes it: DOUBLE amounts, timestamps, MAP columns. */
    static ParquetFixtures.Kind cur2(String column) {
        if (column.equals("product") || column.equals("resource_tags")) return MAP;
        if (Set.of("line_item_usage_amount", "line_item_unblended_rate", "line_item_unblended_cost", "pricing_public_on_demand_cost",
                "pricing_public_on_demand_rate", "reservation_effective_cost", "reservation_unused_amortized_upfront_fee_for_billing_period",
                "reservation_unused_recurring_fee", "savings_plan_savings_plan_effective_cost", "savings_plan_total_commitment_to_date",
                "savings_plan_used_commitment").contains(column)) return DOUBLE;
        if (column.endsWith("_date")) return TIMESTAMP_MILLIS;
        return STRING;
    }

    /** FOCUS 1.2 Parquet: DECIMAL amounts and quantities, microsecond timestamps, Tags as JSON text. */
    static ParquetFixtures.Kind focus(String column) {
        if (column.endsWith("Cost") || column.endsWith("UnitPrice") || column.endsWith("Quantity")) return DECIMAL;
        if (column.endsWith("PeriodStart") || column.endsWith("PeriodEnd")) return TIMESTAMP_MICROS;
        return STRING;
    }

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of(SourceKind.AWS_CUR, "aws/cur2-every-line-item-type.csv", (Function<String, ParquetFixtures.Kind>) ParquetFormatTest::cur2,
                        CompressionCodecName.SNAPPY, "1524.0951900125", "106.3551900125"),
                Arguments.of(SourceKind.AWS_CUR, "aws/cur2-every-line-item-type.csv", (Function<String, ParquetFixtures.Kind>) ParquetFormatTest::cur2,
                        CompressionCodecName.UNCOMPRESSED, "1524.0951900125", "106.3551900125"),
                Arguments.of(SourceKind.FOCUS, "focus/focus-1.2-every-charge-kind.csv", (Function<String, ParquetFixtures.Kind>) ParquetFormatTest::focus,
                        CompressionCodecName.GZIP, "14.96", "14.96"),
                Arguments.of(SourceKind.FOCUS, "focus/focus-1.2-every-charge-kind.csv", (Function<String, ParquetFixtures.Kind>) ParquetFormatTest::focus,
                        CompressionCodecName.SNAPPY, "14.96", "14.96"));
    }

    @ParameterizedTest(name = "{1} as {3} Parquet")
    @MethodSource("fixtures")
    void parquetGivesTheSameChargesAsCsv(SourceKind kind, String fixture, Function<String, ParquetFixtures.Kind> types,
                                         CompressionCodecName codec, String billed, String effective) {
        byte[] csv = Fixtures.bytes(fixture);
        byte[] parquet = ParquetFixtures.fromCsv(csv, types, codec);
        Fixtures.Read fromCsv = Fixtures.readAll(kind, null, csv, fixture);
        Fixtures.Read fromParquet = Fixtures.readAll(kind, null, parquet, fixture.replace(".csv", ".parquet"));

        assertEquals(fromCsv.schemaVersion(), fromParquet.schemaVersion(), "the same mapping applies");
        assertEquals(fromCsv.charges().size(), fromParquet.charges().size(), "rows");
        for (int i = 0; i < fromCsv.charges().size(); i++) {
            assertEquals(normalized(fromCsv.charges().get(i)), normalized(fromParquet.charges().get(i)), "row " + (i + 1));
        }
        BigDecimal b = fromParquet.charges().stream().map(Charge::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal e = fromParquet.charges().stream().map(Charge::effectiveCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal(billed).compareTo(b), "billed " + b);
        assertEquals(0, new BigDecimal(effective).compareTo(e), "effective " + e);
    }

    /**
     * The committed {@code *.snappy.parquet} fixtures (used by the service's API tests) were written from their CSV
     * by {@link ParquetFixtures} with the column types above; they must keep reading as their CSV does.
     */
    @ParameterizedTest(name = "{1}")
    @org.junit.jupiter.params.provider.CsvSource({"AWS_CUR,aws/cur2-every-line-item-type", "FOCUS,focus/focus-1.2-every-charge-kind"})
    void committedParquetFixturesReadAsTheirCsv(SourceKind kind, String base) {
        Fixtures.Read csv = Fixtures.readAll(kind, null, Fixtures.bytes(base + ".csv"), base + ".csv");
        Fixtures.Read parquet = Fixtures.readAll(kind, null, Fixtures.bytes(base + ".snappy.parquet"), base + ".snappy.parquet");
        assertEquals(csv.charges().stream().map(ParquetFormatTest::normalized).toList(),
                parquet.charges().stream().map(ParquetFormatTest::normalized).toList());
    }

    /** Legacy CUR as Parquet (Athena integration): snake names like CUR 2.0, but one {@code resource_tags_*} column per tag. */
    @Test
    void legacyCurParquetWithFlattenedTagColumnsReadsLikeCur2() throws Exception {
        List<String[]> csv = ParquetFixtures.csvRows(Fixtures.bytes("aws/cur2-every-line-item-type.csv"));
        List<String> header = List.of(csv.get(0));
        int tagsAt = header.indexOf("resource_tags");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        List<Map<String, String>> tagsPerRow = new java.util.ArrayList<>();
        for (String[] r : csv.subList(1, csv.size())) {
            Map<String, String> tags = r[tagsAt].isEmpty() ? Map.of() : json.readValue(r[tagsAt], new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
            tagsPerRow.add(tags);
            keys.addAll(tags.keySet());
        }
        List<String> flatHeader = new java.util.ArrayList<>(header);
        flatHeader.remove(tagsAt);
        keys.forEach(k -> flatHeader.add("resource_tags_" + k));
        List<String[]> flatRows = new java.util.ArrayList<>();
        for (int i = 1; i < csv.size(); i++) {
            List<String> cells = new java.util.ArrayList<>(List.of(csv.get(i)));
            cells.remove(tagsAt);
            Map<String, String> tags = tagsPerRow.get(i - 1);
            keys.forEach(k -> cells.add(tags.getOrDefault(k, "")));
            flatRows.add(cells.toArray(String[]::new));
        }
        byte[] parquet = ParquetFixtures.fromRows(flatHeader.toArray(String[]::new), flatRows, ParquetFormatTest::cur2, CompressionCodecName.SNAPPY);

        Fixtures.Read cur2 = Fixtures.readAll(SourceKind.AWS_CUR, null, Fixtures.bytes("aws/cur2-every-line-item-type.csv"), "cur2.csv");
        Fixtures.Read legacy = Fixtures.readAll(SourceKind.AWS_CUR, null, parquet, "legacy-athena.parquet");
        assertEquals("aws-cur-legacy-parquet/1", legacy.schemaVersion());
        assertEquals(cur2.charges().size(), legacy.charges().size());
        for (int i = 0; i < cur2.charges().size(); i++) {
            List<String> want = normalized(cur2.charges().get(i));
            List<String> got = normalized(legacy.charges().get(i));
            for (int f = 0; f < want.size(); f++) assertEquals(want.get(f), got.get(f), "row " + (i + 1));
        }
        assertTrue(legacy.charges().stream().anyMatch(c -> "payments".equals(c.tags().get("user_team"))), "tags come from their columns");
    }

    @Test
    void aTruncatedParquetFileIsRefusedWithItsName() {
        byte[] parquet = ParquetFixtures.fromCsv(Fixtures.bytes("focus/focus-1.2-every-charge-kind.csv"), ParquetFormatTest::focus,
                CompressionCodecName.SNAPPY);
        byte[] cut = Arrays.copyOf(parquet, parquet.length / 2);
        SourceFormatException ex = assertThrows(SourceFormatException.class,
                () -> Fixtures.readAll(SourceKind.FOCUS, null, cut, "export.parquet"));
        assertEquals("export.parquet", ex.file());
        assertTrue(ex.getMessage().startsWith("not a readable Parquet file"), ex.getMessage());
        assertTrue(!ex.getMessage().contains("LocalInputFile@"), "no object identity in what users read: " + ex.getMessage());
    }

    @Test
    void aParquetFileWithoutAMandatoryColumnIsRefusedLikeItsCsv() {
        String csv = Fixtures.text("focus/focus-1.2-every-charge-kind.csv");
        String withoutBilled = csv.lines().map(l -> l.substring(l.indexOf(',') + 1)).collect(Collectors.joining("\n"));
        byte[] parquet = ParquetFixtures.fromCsv(withoutBilled.getBytes(java.nio.charset.StandardCharsets.UTF_8), ParquetFormatTest::focus,
                CompressionCodecName.SNAPPY);
        SourceFormatException ex = assertThrows(SourceFormatException.class,
                () -> Fixtures.readAll(SourceKind.FOCUS, null, parquet, "focus.parquet"));
        assertTrue(ex.getMessage().contains("BilledCost"), ex.getMessage());
    }

    /** Every field as text, money and quantities by value (DOUBLE and DECIMAL columns do not keep CSV's scale). */
    private static List<String> normalized(Charge c) {
        return Arrays.stream(Charge.class.getRecordComponents()).map(rc -> rc.getName() + "=" + value(rc, c)).toList();
    }

    private static String value(RecordComponent rc, Charge c) {
        try {
            Object v = rc.getAccessor().invoke(c);
            if (v instanceof Map<?, ?> m) return new java.util.TreeMap<>(m).toString();
            return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
