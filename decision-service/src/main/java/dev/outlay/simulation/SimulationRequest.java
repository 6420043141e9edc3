/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.simulation;

import dev.outlay.allocation.AllocationResource;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What history to simulate a draft against. {@code draft} is the version hash to try; {@code baseline} the version
 * to compare with (default: the active one). Allocation reads {@code billingPeriod} (YYYY-MM); the decision-log and
 * anomaly simulations a window {@code [from, to)} of days (YYYY-MM-DD) and, for logged decisions, {@code limit}.
 */
public record SimulationRequest(String draft, String baseline, String billingPeriod, String from, String to, Integer limit) {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 20_000;

    String requireDraft() {
        if (draft == null || draft.isBlank()) throw ProblemException.badRequest("draft (a version hash) is required", Problem.Fault.at("draft", "missing"));
        return draft.trim();
    }

    LocalDate period() {
        return AllocationResource.period(billingPeriod);
    }

    int limitOrDefault() {
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) throw ProblemException.badRequest("limit is 1.." + MAX_LIMIT, Problem.Fault.at("limit", String.valueOf(n)));
        return n;
    }

    LocalDate fromDay() {
        return day("from", from);
    }

    LocalDate toDay() {
        return day("to", to);
    }

    /** A day's start in UTC: the decision log is kept in instants, the console's fields are days. */
    static Instant start(LocalDate d) {
        return d == null ? null : d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field + " is a day, YYYY-MM-DD", Problem.Fault.at(field, value));
        }
    }

    void checkWindow() {
        LocalDate f = fromDay(), t = toDay();
        if (f != null && t != null && !t.isAfter(f)) {
            throw ProblemException.badRequest("to must be after from", Problem.Fault.at("to", to));
        }
    }
}
