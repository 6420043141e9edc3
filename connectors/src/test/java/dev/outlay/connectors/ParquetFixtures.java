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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.connectors.csv.CsvParser;
import dev.outlay.connectors.parquet.ParquetCodecs;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a CSV fixture as a typed Parquet file the way the vendors do (AWS: DOUBLE costs, timestamps, MAP tags;
 * FOCUS exports: DECIMAL costs), so the Parquet tests read the same data as the CSV tests and must give the same
 * totals.
 */
final class ParquetFixtures {

    enum Kind { STRING, DOUBLE, DECIMAL, TIMESTAMP_MILLIS, TIMESTAMP_MICROS, MAP }

    static final int DECIMAL_SCALE = 24;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParquetFixtures() {
    }

    static byte[] fromCsv(byte[] csv, Function<String, Kind> kindOf, CompressionCodecName codec) {
        try {
            CsvParser parser = new CsvParser(new InputStreamReader(new java.io.ByteArrayInputStream(csv), StandardCharsets.UTF_8), ',', "fixture");
            String[] header = parser.next();
            if (header[0].startsWith("\uFEFF")) header[0] = header[0].substring(1);
            List<String[]> rows = new ArrayList<>();
            for (String[] r; (r = parser.next()) != null; ) rows.add(r);
            return fromRows(header, rows, kindOf, codec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String[]> csvRows(byte[] csv) {
        try {
            CsvParser parser = new CsvParser(new InputStreamReader(new java.io.ByteArrayInputStream(csv), StandardCharsets.UTF_8), ',', "fixture");
            List<String[]> rows = new ArrayList<>();
            for (String[] r; (r = parser.next()) != null; ) rows.add(r);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] fromRows(String[] header, List<String[]> rows, Function<String, Kind> kindOf, CompressionCodecName codec) {
        try {
            StringBuilder schema = new StringBuilder("message billing {\n");
            for (String name : header) schema.append(field(name, kindOf.apply(name))).append('\n');
            MessageType type = MessageTypeParser.parseMessageType(schema.append('}').toString());

            Path file = Files.createTempFile("fixture-", ".parquet");
            Files.delete(file);
            SimpleGroupFactory groups = new SimpleGroupFactory(type);
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(type)
                    .withConf(new PlainParquetConfiguration()).withCodecFactory(new ParquetCodecs()).withCompressionCodec(codec)
                    .withRowGroupSize(4096L).build()) {
                for (String[] r : rows) {
                    Group g = groups.newGroup();
                    for (int i = 0; i < header.length; i++) {
                        String v = i < r.length ? r[i] : "";
                        if (!v.isEmpty()) put(g, header[i], kindOf.apply(header[i]), v);
                    }
                    w.write(g);
                }
            }
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(String name, Kind kind) {
        return switch (kind) {
            case STRING -> "optional binary " + name + " (STRING);";
            case DOUBLE -> "optional double " + name + ";";
            case DECIMAL -> "optional binary " + name + " (DECIMAL(38," + DECIMAL_SCALE + "));";
            case TIMESTAMP_MILLIS -> "optional int64 " + name + " (TIMESTAMP(MILLIS,true));";
            case TIMESTAMP_MICROS -> "optional int64 " + name + " (TIMESTAMP(MICROS,true));";
            case MAP -> "optional group " + name + " (MAP) { repeated group key_value { required binary key (STRING); optional binary value (STRING); } }";
        };
    }

    private static void put(Group g, String name, Kind kind, String v) throws IOException {
        switch (kind) {
            case STRING -> g.append(name, v);
            case DOUBLE -> g.append(name, Double.parseDouble(v));
            case DECIMAL -> g.append(name, Binary.fromConstantByteArray(
                    new BigDecimal(v).setScale(DECIMAL_SCALE).unscaledValue().toByteArray()));
            case TIMESTAMP_MILLIS -> g.append(name, Instant.parse(v).toEpochMilli());
            case TIMESTAMP_MICROS -> {
                Instant t = Instant.parse(v);
                g.append(name, t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000);
            }
            case MAP -> {
                Group map = g.addGroup(name);
                for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(v).fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Group kv = map.addGroup("key_value");
                    kv.append("key", e.getKey());
                    if (!e.getValue().isNull()) kv.append("value", e.getValue().asText());
                }
            }
        }
    }
}
