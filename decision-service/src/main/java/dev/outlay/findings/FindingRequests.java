/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.money.MinorUnits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a caller may ask of the findings, read from raw strings the same way for the API and the console: the list's
 * filter, a waiver's reason and end date, a transition's note. Bad input is a problem naming the field; nothing is read
 * or changed before these checks pass.
 */
public final class FindingRequests {

    /** A valid waiver: why the saving is not taken, and its last day. */
    public record Waiver(String reason, LocalDate until) {
    }

    private FindingRequests() {
    }

    public static FindingStore.Filter filter(String owner, String detector, String status, String minSavings, String currency,
                                             Set<String> visibleOwners) {
        String o = blank(owner), d = blank(detector), s = blank(status), c = blank(currency);
        if (d != null && !KnownDetectors.contains(d)) {
            throw ProblemException.badRequest("unknown detector '" + d + "'", Problem.Fault.at("detector", "one of " + KnownDetectors.all()));
        }
        if (s != null && !FindingStatus.known(s)) {
            throw ProblemException.badRequest("unknown status '" + s + "'", Problem.Fault.at("status", "one of " + FindingStatus.ALL));
        }
        if (c != null && !MinorUnits.known(c)) {
            throw ProblemException.badRequest("unknown currency '" + c + "'", Problem.Fault.at("currency", "ISO 4217 code, e.g. USD"));
        }
        BigDecimal min = null;
        if (blank(minSavings) != null) {
            try {
                min = new BigDecimal(minSavings.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("minSavings is a decimal amount", Problem.Fault.at("minSavings", minSavings));
            }
            if (min.signum() < 0) throw ProblemException.badRequest("minSavings must not be negative", Problem.Fault.at("minSavings", minSavings));
        }
        return new FindingStore.Filter(o, d, s, min, c, visibleOwners);
    }

    /** A waiver needs a reason (at most 500 characters) and an end date after today, at most one year ahead. */
    public static Waiver waiver(String reason, String until, LocalDate today) {
        List<Problem.Fault> faults = new ArrayList<>();
        String r = reason == null ? null : reason.strip();
        if (r == null || r.isEmpty()) faults.add(Problem.Fault.at("reason", "required: why the saving is not taken"));
        else if (r.length() > 500) faults.add(Problem.Fault.at("reason", "at most 500 characters"));
        LocalDate u = null;
        if (until == null || until.isBlank()) {
            faults.add(Problem.Fault.at("until", "required: the last day of the waiver (YYYY-MM-DD)"));
        } else {
            try {
                u = LocalDate.parse(until.strip());
                if (!u.isAfter(today)) faults.add(Problem.Fault.at("until", "must be after today (" + today + ")"));
                else if (u.isAfter(today.plusYears(1))) faults.add(Problem.Fault.at("until", "at most one year ahead"));
            } catch (DateTimeParseException e) {
                faults.add(Problem.Fault.at("until", "not a date (YYYY-MM-DD): " + until));
            }
        }
        if (!faults.isEmpty()) throw ProblemException.unprocessable("The waiver is not valid; nothing was changed.", faults);
        return new Waiver(r, u);
    }

    /** An optional note on a transition: blank is none, longer than 500 characters is refused. */
    public static String note(String reason) {
        if (reason == null || reason.isBlank()) return null;
        String r = reason.strip();
        if (r.length() > 500) {
            throw ProblemException.unprocessable("The reason is too long; nothing was changed.", List.of(Problem.Fault.at("reason", "at most 500 characters")));
        }
        return r;
    }

    /** The transitions a finding in this status allows, in the order an owner meets them. */
    public static List<String> transitionsFrom(String status) {
        return List.of("accept", "waive", "action", "reopen", "verify").stream()
                .filter(t -> FindingStatus.FROM.get(t).contains(status)).toList();
    }

    public static List<String> detectors() {
        return KnownDetectors.all();
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
