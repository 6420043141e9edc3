/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.audit;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A filter over the audit log as callers write it (API query or console form): {@code from} inclusive, {@code to}
 * exclusive, each a date (midnight UTC) or an instant; blank fields filter nothing.
 */
public record AuditFilter(Instant from, Instant to, String actor, String action) {

    public static AuditFilter parse(String from, String to, String actor, String action) {
        return new AuditFilter(instant("from", from), instant("to", to), blankToNull(actor), blankToNull(action));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return value.length() == 10 ? Instant.parse(value + "T00:00:00Z") : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("dates are ISO-8601 (YYYY-MM-DD or an instant)", Problem.Fault.at(field, value));
        }
    }
}
