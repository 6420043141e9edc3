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

import dev.outlay.connectors.csv.CsvHeader;
import dev.outlay.model.ChargeBuilder;
import dev.outlay.model.DataQualityFlag;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * One data record being mapped, with typed accessors that fail with the record's line and column. Blank cells
 * are null; when {@code nullLiteral} is on (FOCUS files), the string "NULL" is null too and the row is flagged.
 */
public final class Row {

    private final String file;
    private final CsvHeader header;
    private final boolean nullLiteral;
    private String[] values;
    private long line;
    private ChargeBuilder out;

    public Row(String file, CsvHeader header, boolean nullLiteral) {
        this.file = file;
        this.header = header;
        this.nullLiteral = nullLiteral;
    }

    void reset(String[] values, long line, ChargeBuilder out) {
        this.values = values;
        this.line = line;
        this.out = out;
    }

    public long line() {
        return line;
    }

    public ChargeBuilder out() {
        return out;
    }

    public String text(int index) {
        if (index < 0) return null;
        String v = values[index];
        if (v.isEmpty()) return null;
        if (nullLiteral && v.length() == 4 && v.equalsIgnoreCase("NULL")) {
            out.flag(DataQualityFlag.NULL_LITERAL);
            return null;
        }
        return v;
    }

    public String required(int index) {
        String v = text(index);
        if (v == null || v.isBlank()) throw fault(index, "value is required");
        return v;
    }

    public BigDecimal decimal(int index) {
        String v = text(index);
        if (v == null) return null;
        try {
            return new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            throw fault(index, "not a number: '" + abbreviate(v) + "'");
        }
    }

    public BigDecimal requiredDecimal(int index) {
        BigDecimal d = decimal(index);
        if (d == null) throw fault(index, "number is required");
        return d;
    }

    /**
     * ISO 8601 instants ("2024-09-01T00:00:00Z", with or without seconds, millis or offset); bare ISO dates as
     * midnight UTC; also the non-ISO "2024-09-01 00:00:00" of the FOCUS samples, read as UTC and flagged.
     */
    public Instant instant(int index) {
        String v = text(index);
        if (v == null) return null;
        String s = v.trim();
        Instant fast = IsoInstants.parse(s);
        if (fast != null) return fast;
        try {
            if (s.length() == 10) { // an ISO date: midnight UTC
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (s.length() > 10 && s.charAt(10) == ' ') {
                out.flag(DataQualityFlag.NON_ISO_TIMESTAMP);
                s = s.substring(0, 10) + 'T' + s.substring(11);
            }
            char last = s.charAt(s.length() - 1);
            // OffsetDateTime rather than Instant.parse: seconds are optional in ISO 8601, and OCI cost reports
            // write their interval starts to the minute ("2023-11-13T10:00Z").
            if (last == 'Z' || last == 'z') return OffsetDateTime.parse(s.toUpperCase()).toInstant();
            if (s.length() > 19 && (s.charAt(s.length() - 6) == '+' || s.charAt(s.length() - 6) == '-')) {
                return OffsetDateTime.parse(s).toInstant();
            }
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw fault(index, "not a date/time: '" + abbreviate(v) + "'");
        }
    }

    public Instant requiredInstant(int index) {
        Instant i = instant(index);
        if (i == null) throw fault(index, "date/time is required");
        return i;
    }

    public SourceFormatException fault(int index, String message) {
        String name = index >= 0 && index < header.size() ? header.name(index) : null;
        return new SourceFormatException(file, line, index + 1, name, (name == null ? "" : name + ": ") + message);
    }

    /** A cell value short enough to quote in an error message. */
    public static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "..." : v;
    }
}
