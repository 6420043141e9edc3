/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cell conversions shared by the inventory and metrics readers. Each returns the value or adds a fault naming
 * the line and column and returns null, so one pass reports every bad cell of a file.
 */
final class ImportValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ImportFault> faults;

    ImportValues(List<ImportFault> faults) {
        this.faults = faults;
    }

    void fault(ImportRecord r, String column, String message) {
        faults.add(new ImportFault(r.line(), column, message));
    }

    String required(ImportRecord r, String column) {
        String v = r.get(column);
        if (v == null) fault(r, column, column + " is required");
        return v;
    }

    /**
     * ISO-8601 with an offset ({@code 2026-11-02T08:30:00Z}, {@code +01:00}), or without one read as UTC
     * ({@code 2026-11-02T08:30:00}, {@code 2026-11-02 08:30:00} as SQL exports write it), or a date (midnight UTC).
     */
    Instant instant(ImportRecord r, String column) {
        String v = r.get(column);
        if (v == null) return null;
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the offset-less forms
        }
        try {
            return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try a date
        }
        try {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            fault(r, column, column + " '" + v + "' is not an ISO-8601 timestamp or date");
            return null;
        }
    }

    /** A decimal number at or above zero (utilization and counts are never negative). */
    BigDecimal nonNegative(ImportRecord r, String column) {
        String v = r.get(column);
        if (v == null) return null;
        BigDecimal d;
        try {
            d = new BigDecimal(v);
        } catch (NumberFormatException e) {
            fault(r, column, column + " '" + v + "' is not a number");
            return null;
        }
        if (d.signum() < 0) {
            fault(r, column, column + " " + v + " is negative; utilization, bytes and counts are at least 0");
            return null;
        }
        return d;
    }

    Integer integer(ImportRecord r, String column, int min, int max) {
        String v = r.get(column);
        if (v == null) return null;
        try {
            int i = new BigDecimal(v).intValueExact();
            if (i >= min && i <= max) return i;
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        fault(r, column, column + " '" + v + "' is not a whole number from " + min + " to " + max);
        return null;
    }

    /**
     * A JSON object ({@code {"env":"dev"}}; scalar values as text) or {@code k=v;k=v} pairs (a pair without
     * {@code =} is a key with an empty value, as Azure's "tag present" convention writes it). Sorted by key so the
     * stored JSON is the same whatever order the file used.
     */
    Map<String, String> keyValues(ImportRecord r, String column) {
        String v = r.get(column);
        Map<String, String> out = new TreeMap<>();
        if (v == null) return out;
        if (v.startsWith("{")) {
            JsonNode node;
            try {
                node = JSON.readTree(v);
            } catch (JsonProcessingException e) {
                fault(r, column, column + " is not a valid JSON object: " + e.getOriginalMessage());
                return out;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode value = e.getValue();
                if (value.isContainerNode()) {
                    fault(r, column, column + " value of '" + e.getKey() + "' is nested; values are text, numbers or booleans");
                    continue;
                }
                out.put(e.getKey(), value.isNull() ? "" : value.asText());
            }
            return out;
        }
        for (String pair : v.split(";")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).strip();
            if (key.isEmpty()) {
                fault(r, column, column + " pair '" + pair.strip() + "' has no key");
                continue;
            }
            if (out.put(key, eq < 0 ? "" : pair.substring(eq + 1).strip()) != null) {
                fault(r, column, column + " key '" + key + "' is given twice");
            }
        }
        return out;
    }

    /** Lower case, because sources disagree on case (Running, RUNNING, running) and detectors compare. */
    static String lower(String v) {
        return v == null ? null : v.toLowerCase(java.util.Locale.ROOT);
    }
}
