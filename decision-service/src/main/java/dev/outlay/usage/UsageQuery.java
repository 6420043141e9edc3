/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.usage;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The parameters of a usage read: {@code from} inclusive (default: the start of the current month, UTC), {@code to}
 * exclusive (default: now), each a date (midnight UTC) or an instant; an optional metric; json or csv.
 */
public record UsageQuery(Instant from, Instant to, UsageMetric metric, boolean csv) {

    public static UsageQuery parse(String from, String to, String metric, String format, Instant now) {
        Instant t = to == null || to.isBlank() ? now : instant("to", to);
        Instant f = from == null || from.isBlank() ? YearMonth.from(now.atOffset(ZoneOffset.UTC)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                : instant("from", from);
        if (!f.isBefore(t)) throw new UsageQueryRefusedException("from must be before to", "from", from == null ? f.toString() : from);
        UsageMetric m = null;
        if (metric != null && !metric.isBlank()) {
            m = UsageMetric.of(metric.trim()).orElseThrow(() -> new UsageQueryRefusedException(
                    "metric is one of connected_sources, seats, ingested_rows", "metric", metric));
        }
        boolean csv;
        if (format == null || format.isBlank() || format.equals("json")) csv = false;
        else if (format.equals("csv")) csv = true;
        else throw new UsageQueryRefusedException("format is json or csv", "format", format);
        return new UsageQuery(f, t, m, csv);
    }

    private static Instant instant(String field, String value) {
        try {
            return value.length() == 10 ? Instant.parse(value + "T00:00:00Z") : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageQueryRefusedException(field + " is a date (YYYY-MM-DD) or an ISO-8601 instant", field, value);
        }
    }
}
