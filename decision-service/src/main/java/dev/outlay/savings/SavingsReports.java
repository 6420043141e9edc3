/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.savings;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.commitments.OfferRecommendation;
import dev.outlay.commitments.api.CommitmentRecommendationReport;
import dev.outlay.commitments.api.CommitmentRecommendations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The savings report: opportunity from open findings (one per resource) and the commitment recommendation sized
 * without the resources those findings remove; realized savings of findings actioned in the window (2-day settle,
 * 30-day post window, bounded by the baseline) and of the commitments held (ODE − effective cost on covered usage).
 */
@ApplicationScoped
public class SavingsReports {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 732;
    static final int SETTLE_DAYS = 2;
    static final int POST_DAYS = 30;
    /** Actions that end a resource's usage: their resources are not sized into a commitment as well. */
    static final Set<String> REMOVING = Set.of("DELETE", "RELEASE", "STOP", "SCHEDULE");

    @Inject
    SavingsReader reader;

    @Inject
    CommitmentRecommendations commitments;

    public SavingsReport report(String fromText, String toText) {
        LocalDate to;
        LocalDate from;
        if (fromText == null && toText == null) {
            to = LocalDate.now(ZoneOffset.UTC).plusDays(1);
            from = to.minusDays(DEFAULT_DAYS);
        } else {
            from = date("from", fromText);
            to = date("to", toText);
        }
        if (!from.isBefore(to)) throw ProblemException.badRequest("from must be before to (to is exclusive)", Problem.Fault.at("to", "after from"));
        if (to.toEpochDay() - from.toEpochDay() > MAX_DAYS) {
            throw ProblemException.badRequest("window longer than " + MAX_DAYS + " days", Problem.Fault.at("to", "at most " + MAX_DAYS + " days after from"));
        }

        List<OpenFinding> open = reader.open();
        List<OpenFinding> counted = SavingsMath.dedupe(open);
        Map<String, Acc> byOwner = new TreeMap<>();
        TreeSet<String> removed = new TreeSet<>();
        for (OpenFinding f : counted) {
            Acc a = byOwner.computeIfAbsent(f.owner() + "\u0000" + f.action() + "\u0000" + f.currency(), k -> new Acc(f.owner(), f.action(), f.currency()));
            a.n++;
            a.low = a.low.add(f.low());
            a.expected = a.expected.add(f.expected());
            a.high = a.high.add(f.high());
            if (REMOVING.contains(f.action())) removed.add(f.resourceId());
        }
        List<SavingsReport.Opportunity> opportunity = byOwner.values().stream()
                .map(a -> new SavingsReport.Opportunity(a.owner, a.kind, a.currency, a.n, a.low, a.expected, a.high)).toList();

        CommitmentRecommendationReport rec = commitments.report(null, null, List.copyOf(removed));
        List<SavingsReport.CommitmentOpportunity> commitment = new ArrayList<>();
        for (CommitmentRecommendationReport.Item i : rec.recommendations()) {
            OfferRecommendation best = i.recommendation().offers().stream().filter(o -> o.termYears() == 1 && o.best()).findFirst().orElse(null);
            commitment.add(new SavingsReport.CommitmentOpportunity(i.currency(), i.id(), i.recommendation().status(),
                    best == null ? null : best.payment().name(), best == null ? BigDecimal.ZERO : best.expectedMonthlySavings(), removed.size()));
        }

        List<SavingsReport.RealizedFinding> realized = new ArrayList<>();
        Map<String, Acc> realizedBy = new TreeMap<>();
        for (ActionedFinding f : reader.actioned(from, to, SETTLE_DAYS, POST_DAYS)) {
            SavingsMath.Realized r = SavingsMath.realized(f);
            realized.add(new SavingsReport.RealizedFinding(f.findingId(), f.owner(), f.action(), f.currency(), f.actionedOn(), f.baselineDaily(),
                    r.postDaily(), f.postDays(), r.realized(), r.status(), r.method()));
            Acc a = realizedBy.computeIfAbsent(f.owner() + "\u0000" + f.action() + "\u0000" + f.currency(), k -> new Acc(f.owner(), f.action(), f.currency()));
            a.n++;
            a.expected = a.expected.add(r.realized());
        }
        List<SavingsReport.RealizedTotal> totals = realizedBy.values().stream()
                .map(a -> new SavingsReport.RealizedTotal(a.owner, a.kind, a.currency, a.n, a.expected)).toList();

        List<SavingsReport.CommitmentRealized> held = new ArrayList<>();
        for (SavingsReader.CommitmentFigures v : reader.commitmentFigures(from, to)) {
            if (v.eligibleOde().signum() == 0 && v.unused().signum() == 0) continue;
            BigDecimal esr = v.eligibleOde().signum() == 0 ? null
                    : BigDecimal.ONE.subtract(v.eligibleEffective().add(v.unused()).divide(v.eligibleOde(), 6, RoundingMode.HALF_EVEN));
            held.add(new SavingsReport.CommitmentRealized(v.currency(), v.coveredOde(), v.coveredEffective(),
                    v.coveredOde().subtract(v.coveredEffective()), v.eligibleOde(), v.eligibleEffective(), v.unused(), esr));
        }
        realized.sort(Comparator.comparing(SavingsReport.RealizedFinding::findingId).thenComparing(SavingsReport.RealizedFinding::currency));
        return new SavingsReport(from, to, SETTLE_DAYS, POST_DAYS, opportunity, open.size() - counted.size(), commitment, realized, totals, held);
    }

    private static LocalDate date(String field, String text) {
        try {
            if (text == null) throw new DateTimeParseException("missing", "", 0);
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field + " must be an ISO date (yyyy-mm-dd); give both from and to, or neither (the last 90 days)",
                    Problem.Fault.at(field, "ISO date required"));
        }
    }

    private static final class Acc {
        final String owner;
        final String kind;
        final String currency;
        int n;
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal expected = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;

        Acc(String owner, String kind, String currency) {
            this.owner = owner;
            this.kind = kind;
            this.currency = currency;
        }
    }
}
