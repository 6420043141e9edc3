/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.csv.CsvParser;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an import file, CSV or JSON, into {@link ImportRecord}s under canonical column names. Structural faults
 * (not UTF-8, unknown or missing columns, ragged rows, broken quoting or JSON) refuse the file with their line.
 *
 * <p>CSV: RFC 4180 (doubled quotes, quoted delimiters and newlines), LF or CRLF, an optional UTF-8 byte-order
 * mark, a header row. JSON: an array of objects, or an object holding that array under {@code items},
 * {@code resources} or {@code samples}; a value may be a string, number, boolean, null or (tags, attributes)
 * an object.
 */
final class ImportTable {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final List<String> WRAPPERS = List.of("items", "resources", "samples");

    private ImportTable() {
    }

    static List<ImportRecord> read(byte[] body, ImportFormat format, ImportColumns columns) {
        String text = utf8(body);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        if (text.isBlank()) {
            throw refused(new ImportFault(1, null, "the file is empty"));
        }
        return format == ImportFormat.JSON ? json(text, columns) : csv(text, columns);
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw refused(new ImportFault(1, null, "the file is not valid UTF-8"));
        }
    }

    private static List<ImportRecord> csv(String text, ImportColumns columns) {
        CsvParser p = new CsvParser(new StringReader(text), ',', "import");
        List<ImportFault> faults = new ArrayList<>();
        List<ImportRecord> out = new ArrayList<>();
        try {
            String[] header = p.next();
            String[] names = new String[header.length];
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                String h = header[i].strip();
                Optional<String> c = columns.resolve(h);
                if (c.isEmpty()) {
                    faults.add(new ImportFault(1, h, "unknown column '" + h + "' (column " + (i + 1) + "); columns are "
                            + String.join(", ", columns.canonical())));
                } else if (seen.putIfAbsent(c.get(), i) != null) {
                    faults.add(new ImportFault(1, c.get(), "column '" + h + "' names " + c.get() + " a second time"));
                } else {
                    names[i] = c.get();
                }
            }
            for (String r : columns.required()) {
                if (!seen.containsKey(r)) faults.add(new ImportFault(1, r, "required column " + r + " is missing"));
            }
            if (!faults.isEmpty()) throw new InventoryImportRefusedException("the header is not valid", faults);
            String[] row;
            while ((row = p.next()) != null) {
                int line = (int) p.recordLine();
                if (row.length != header.length) {
                    faults.add(new ImportFault(line, null, "expected " + header.length + " columns, found " + row.length));
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < row.length; i++) {
                    String v = present(row[i]);
                    if (v != null) cells.put(names[i], v);
                }
                out.add(new ImportRecord(line, cells));
            }
        } catch (SourceFormatException e) {
            faults.add(new ImportFault((int) e.line(), null, "malformed CSV: " + e.getMessage()));
        } catch (IOException e) {
            faults.add(new ImportFault((int) p.recordLine(), null, "unreadable CSV: " + e.getMessage()));
        }
        if (!faults.isEmpty()) throw new InventoryImportRefusedException("the file is not valid", faults);
        return out;
    }

    private static List<ImportRecord> json(String text, ImportColumns columns) {
        List<ImportFault> faults = new ArrayList<>();
        List<ImportRecord> out = new ArrayList<>();
        try (JsonParser p = JSON.getFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                // {"items": [...]} : find the wrapped array; anything else at the top is a shape fault.
                String field = p.nextFieldName();
                if (field == null || !WRAPPERS.contains(field)) {
                    throw refused(new ImportFault(line(p), field, "expected an array of objects, or an object with "
                            + String.join(", ", WRAPPERS) + " holding one"));
                }
                t = p.nextToken();
            }
            if (t != JsonToken.START_ARRAY) {
                throw refused(new ImportFault(line(p), null, "expected an array of objects"));
            }
            int index = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                int line = line(p);
                if (t != JsonToken.START_OBJECT) {
                    faults.add(new ImportFault(line, "[" + index + "]", "expected an object, found " + t.name()));
                    p.skipChildren();
                    index++;
                    continue;
                }
                JsonNode node = JSON.readTree(p);
                Map<String, String> cells = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Optional<String> c = columns.resolve(e.getKey());
                    if (c.isEmpty()) {
                        faults.add(new ImportFault(line, e.getKey(), "unknown field '" + e.getKey() + "'; fields are "
                                + String.join(", ", columns.canonical())));
                        continue;
                    }
                    if (cells.containsKey(c.get())) {
                        faults.add(new ImportFault(line, c.get(), "field '" + e.getKey() + "' names " + c.get() + " a second time"));
                        continue;
                    }
                    JsonNode v = e.getValue();
                    if (v.isArray()) {
                        faults.add(new ImportFault(line, c.get(), "an array is not a value of " + c.get()));
                    } else if (v.isObject()) {
                        cells.put(c.get(), JSON.writeValueAsString(v));
                    } else if (!v.isNull()) {
                        String s = present(v.asText());
                        if (s != null) cells.put(c.get(), s);
                    }
                }
                out.add(new ImportRecord(line, cells));
                index++;
            }
        } catch (JsonParseException e) {
            faults.add(new ImportFault(e.getLocation() == null ? null : e.getLocation().getLineNr(), null,
                    "malformed JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            faults.add(new ImportFault(null, null, "unreadable JSON: " + e.getMessage()));
        }
        if (!faults.isEmpty()) throw new InventoryImportRefusedException("the file is not valid", faults);
        return out;
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** Null for an empty cell and for the literal NULL database exports write; else the cell, trimmed. */
    static String present(String raw) {
        if (raw == null) return null;
        String v = raw.strip();
        if (v.isEmpty() || v.equalsIgnoreCase("NULL")) return null;
        return v;
    }

    private static InventoryImportRefusedException refused(ImportFault f) {
        return new InventoryImportRefusedException("the file is not valid", List.of(f));
    }
}
