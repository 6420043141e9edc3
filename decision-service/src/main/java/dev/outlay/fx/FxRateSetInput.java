/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.fx;

import dev.outlay.api.problem.Problem;
import dev.outlay.money.FxRate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A rate set as uploaded: dated rates per currency pair and an optional note. */
public record FxRateSetInput(String note, List<Rate> rates) {

    /** 1 {@code base} = {@code rate} {@code quote} from {@code date} (YYYY-MM-DD) on. */
    public record Rate(String date, String base, String quote, BigDecimal rate) {
    }

    public List<Problem.Fault> faults() {
        List<Problem.Fault> f = new ArrayList<>();
        if (rates == null || rates.isEmpty()) {
            f.add(Problem.Fault.at("rates", "at least one rate"));
            return f;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rates.size(); i++) {
            Rate r = rates.get(i);
            String at = "rates[" + i + "]";
            if (r == null) {
                f.add(Problem.Fault.at(at, "required"));
                continue;
            }
            if (!iso(r.base())) f.add(Problem.Fault.at(at + ".base", "ISO 4217 code, e.g. EUR"));
            if (!iso(r.quote())) f.add(Problem.Fault.at(at + ".quote", "ISO 4217 code, e.g. USD"));
            if (r.base() != null && r.base().equals(r.quote())) f.add(Problem.Fault.at(at + ".quote", "differs from base"));
            if (r.rate() == null || r.rate().signum() <= 0) f.add(Problem.Fault.at(at + ".rate", "a positive decimal"));
            LocalDate d = date(r.date());
            if (d == null) f.add(Problem.Fault.at(at + ".date", "YYYY-MM-DD"));
            else if (!seen.add(d + r.base() + r.quote())) f.add(Problem.Fault.at(at, "second rate for " + r.base() + "/" + r.quote() + " on " + d));
        }
        return f;
    }

    /** Valid input only. Sorted by pair then date, rates without trailing zeros: the same set always reads the same. */
    public List<FxRate> canonicalRates() {
        return rates.stream()
                .map(r -> new FxRate(date(r.date()), r.base(), r.quote(), r.rate().stripTrailingZeros()))
                .sorted(Comparator.comparing(FxRate::base).thenComparing(FxRate::quote).thenComparing(FxRate::date))
                .toList();
    }

    /** SHA-256 of the canonical text (one {@code date,base,quote,rate} line per rate); the note is not content. */
    public String versionHash() {
        StringBuilder sb = new StringBuilder();
        for (FxRate r : canonicalRates()) {
            sb.append(r.date()).append(',').append(r.base()).append(',').append(r.quote()).append(',').append(r.rate().toPlainString()).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean iso(String code) {
        return dev.outlay.money.MinorUnits.known(code);
    }

    private static LocalDate date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
