/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The audit window of a pack: {@code from} inclusive, {@code to} exclusive, each a date (midnight UTC) or an
 * instant. The window must have ended: a pack over a window still open could not be generated twice with the
 * same bytes (entries keep arriving), and reproducibility is what makes the pack evidence.
 */
public record PackWindow(Instant from, Instant to) {

    /** Longest window one pack covers; a longer audit period is several packs. */
    public static final Duration MAX_SPAN = Duration.ofDays(366);

    public static PackWindow parse(String from, String to, Instant now) {
        Instant f = instant("from", from);
        Instant t = instant("to", to);
        if (!f.isBefore(t)) throw new CompliancePackRefusedException("the window's from must be before its to", "from", from);
        if (t.isAfter(now)) {
            throw new CompliancePackRefusedException("the window must have ended: to is after the current time " + now, "to", to);
        }
        if (Duration.between(f, t).compareTo(MAX_SPAN) > 0) {
            throw new CompliancePackRefusedException("a pack covers at most 366 days", "to", to);
        }
        return new PackWindow(f, t);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new CompliancePackRefusedException(field + " is required (YYYY-MM-DD or an ISO-8601 instant)", field, null);
        }
        try {
            Instant i = value.length() == 10 ? Instant.parse(value + "T00:00:00Z") : Instant.parse(value);
            // The audit log keeps microseconds; a finer bound would name a window the log cannot tell apart.
            return i.truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new CompliancePackRefusedException(field + " is not a date (YYYY-MM-DD) or an ISO-8601 instant", field, value);
        }
    }
}
