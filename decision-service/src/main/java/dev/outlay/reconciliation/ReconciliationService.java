/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.outlay.audit.AuditLog;
import dev.outlay.decisions.CanonicalJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Plans and runs the checks of one billing period, per billing account and currency: completeness (every expected
 * source, every day up to yesterday), ledger vs invoice (each whole view of the account's bill against the latest
 * invoice document covering it) and source vs source (two views that cover the same charges, {@link SourceViews}:
 * declared pairs, and sources of different kinds; sources of one kind add up and are never compared). Every check is
 * graded by the same pinned version of the {@code reconciliation} rule set; the result, its alert and its triage are
 * written in one transaction.
 */
@ApplicationScoped
public class ReconciliationService {

    static final String LEDGER_VS_INVOICE = "ledger-vs-invoice";
    static final String SOURCE_VS_SOURCE = "source-vs-source";
    static final String COMPLETENESS = "completeness";
    private static final List<String> SEVERITIES = List.of("none", "low", "medium", "high", "critical");
    /** Azure closes a billing period up to 72 hours after it ends; until then its charges are estimates. */
    private static final long AZURE_CLOSE_HOURS = 72;

    @Inject
    LedgerFactsReader ledger;

    @Inject
    InvoiceStore invoices;

    @Inject
    ReconciliationPolicy policy;

    @Inject
    ReconciliationStore store;

    @Inject
    ReconciliationAlerts alerts;

    @Inject
    SourcePairStore pairs;

    @Inject
    AuditLog audit;

    /** Evaluates every check of the period; {@code periodStateOverride} null derives the state from the ledger. */
    public ReconciliationResult evaluate(LocalDate period, String periodStateOverride, String version, Instant now,
                                         ProgressSink progress) {
        LedgerFacts facts = ledger.read(period);
        List<SourceViews.Declared> declared = pairs.declared();
        Map<String, InvoiceStore.AccountInvoice> invoiceByAccount = invoices.latestByAccount(period);
        LocalDate yesterday = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
        LocalDate through = yesterday.isBefore(period.plusMonths(1).minusDays(1)) ? yesterday : period.plusMonths(1).minusDays(1);

        Set<String> accounts = new TreeSet<>(invoiceByAccount.keySet());
        facts.cells().forEach(c -> accounts.add(c.account()));
        Map<String, String> stateByAccount = new TreeMap<>();
        List<Supplier<ReconciliationResult.Check>> planned = new ArrayList<>();
        for (String account : accounts) {
            List<LedgerFacts.Cell> cells = facts.cells().stream().filter(c -> c.account().equals(account)).toList();
            String state = periodStateOverride != null ? periodStateOverride
                    : cells.stream().allMatch(c -> finalAtProvider(c, period, now)) && !cells.isEmpty() && through.equals(period.plusMonths(1).minusDays(1))
                    ? "FINAL" : "PRELIMINARY";
            stateByAccount.put(account, state);

            Map<String, Set<LocalDate>> days = facts.daysByAccountAndSource().getOrDefault(account, Map.of());
            Set<String> expected = new TreeSet<>(days.keySet());
            expected.addAll(facts.previousSourcesByAccount().getOrDefault(account, Set.of()));
            List<CompletenessGap> gaps = new ArrayList<>();
            if (!through.isBefore(period)) {
                Set<String> daily = new TreeSet<>(expected);
                daily.removeAll(facts.monthlySources());
                gaps.addAll(CompletenessCheck.gaps(YearMonth.from(period), through, daily, days));
                // A monthly source (an invoice upload) is complete with any row in the period; absent, it misses the month.
                for (String source : expected) {
                    if (facts.monthlySources().contains(source) && !days.containsKey(source)) gaps.add(new CompletenessGap(source, List.of(period)));
                }
                gaps.sort(java.util.Comparator.comparing(CompletenessGap::source));
            }
            Map<String, Integer> missingBySource = new TreeMap<>();
            gaps.forEach(g -> missingBySource.put(g.source(), g.missingDays().size()));
            if (!expected.isEmpty()) {
                planned.add(() -> completeness(account, state, version, period, through, expected, facts.monthlySources(), days, gaps));
            }

            Map<String, Map<String, List<LedgerFacts.Cell>>> byCurrencyAndSource = new TreeMap<>();
            for (LedgerFacts.Cell c : cells) {
                byCurrencyAndSource.computeIfAbsent(c.currency(), k -> new TreeMap<>()).computeIfAbsent(c.source(), k -> new ArrayList<>()).add(c);
            }
            InvoiceStore.AccountInvoice invoice = invoiceByAccount.get(account);
            if (invoice != null && !byCurrencyAndSource.containsKey(invoice.currency())) {
                // The ledger lost the account's rows in this currency after the upload (retracted): compare against nothing.
                planned.add(() -> ledgerVsInvoice(account, invoice.currency(), state, version, "ledger", List.of(), invoice,
                        new ConfidenceInputs(false, false, 0)));
            }
            Set<String> onAccount = new TreeSet<>();
            cells.forEach(c -> onAccount.add(c.source()));
            for (Map.Entry<String, Map<String, List<LedgerFacts.Cell>>> cur : byCurrencyAndSource.entrySet()) {
                String currency = cur.getKey();
                Map<String, List<LedgerFacts.Cell>> bySource = cur.getValue();
                if (invoice != null && invoice.currency().equals(currency)) {
                    // Each whole view of the account's bill against the invoice: sources that add up are added up first.
                    for (SourceViews.View view : SourceViews.views(bySource.keySet(), facts.kindBySource(), declared)) {
                        List<LedgerFacts.Cell> side = cellsOf(view, bySource);
                        ConfidenceInputs ci = confidence(side, period, now, missingDays(view, missingBySource));
                        planned.add(() -> ledgerVsInvoice(account, currency, state, version, view.name(), side, invoice, ci));
                    }
                }
                for (SourceViews.Pairing pair : SourceViews.pairings(bySource.keySet(), onAccount, facts.kindBySource(), declared)) {
                    List<LedgerFacts.Cell> ref = cellsOf(pair.reference(), bySource);
                    List<LedgerFacts.Cell> obs = cellsOf(pair.observed(), bySource);
                    List<LedgerFacts.Cell> both = new ArrayList<>(ref);
                    both.addAll(obs);
                    ConfidenceInputs ci = confidence(both, period, now,
                            missingDays(pair.reference(), missingBySource) + missingDays(pair.observed(), missingBySource));
                    planned.add(() -> sourceVsSource(account, currency, state, version, pair, ref, obs, ci));
                }
            }
        }

        List<ReconciliationResult.Check> checks = new ArrayList<>(planned.size());
        progress.done(planned.size(), 0);
        for (int i = 0; i < planned.size(); i++) {
            ReconciliationResult.Check k = planned.get(i).get();
            checks.add(renumber(k, i + 1));
            progress.done(planned.size(), i + 1);
        }
        String runState = periodStateOverride != null ? periodStateOverride
                : !stateByAccount.isEmpty() && stateByAccount.values().stream().allMatch("FINAL"::equals) ? "FINAL" : "PRELIMINARY";
        return new ReconciliationResult(YearMonth.from(period).toString(), runState, ReconciliationPolicy.RULE_SET, version,
                through.isBefore(period) ? null : through.toString(), checks, summary(checks));
    }

    /** Progress of a run: checks done of the planned total. */
    @FunctionalInterface
    public interface ProgressSink {
        void done(int total, int done);
    }

    /** Stores the result, raises the breach alert and opens triage, all or nothing. */
    @Transactional
    public void finish(UUID runId, ReconciliationResult result) {
        String json;
        try {
            json = CanonicalJson.MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reconciliation result is not serialisable", e);
        }
        String sha = InvoiceService.sha256(json.getBytes(StandardCharsets.UTF_8));
        store.complete(runId, result, json, sha);
        ReconciliationAlerts.Raised raised = alerts.raise(runId, result);
        if (raised != null) store.linkAlert(runId, raised.eventId(), raised.violationId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("period", result.period());
        after.put("periodState", result.periodState());
        after.put("status", result.summary().status());
        after.put("checks", result.checks().size());
        after.put("breaches", result.summary().breaches());
        after.put("ruleVersionHash", result.ruleVersionHash());
        after.put("resultSha256", sha);
        audit.record("reconciliation.run", "reconciliation_run", runId.toString(), null, after);
    }

    private ReconciliationResult.Check completeness(String account, String state, String version, LocalDate period, LocalDate through,
                                                    Set<String> expected, Set<String> monthly, Map<String, Set<LocalDate>> days,
                                                    List<CompletenessGap> gaps) {
        int expectedDays = (int) java.time.temporal.ChronoUnit.DAYS.between(period, through) + 1;
        int expectedSourceDays = 0;
        Map<String, List<String>> missing = new TreeMap<>();
        gaps.forEach(g -> missing.put(g.source(), g.missingDays().stream().map(LocalDate::toString).toList()));
        List<ReconciliationResult.SourceDays> perSource = new ArrayList<>();
        for (String source : expected) {
            Set<LocalDate> present = days.getOrDefault(source, Set.of());
            LocalDate newest = present.isEmpty() ? null : new TreeSet<>(present).last();
            boolean isMonthly = monthly.contains(source);
            expectedSourceDays += isMonthly ? 1 : expectedDays;
            perSource.add(new ReconciliationResult.SourceDays(source, isMonthly ? 1 : expectedDays, missing.getOrDefault(source, List.of()),
                    newest == null ? null : newest.toString(), newest != null && (isMonthly || !newest.isBefore(through))));
        }
        int missingTotal = CompletenessCheck.missingDays(gaps);
        CompletenessVerdict v = policy.completeness(state, version, expectedSourceDays, missingTotal);
        List<String> reasons = new ArrayList<>();
        if (missingTotal > 0) reasons.add(missingTotal + " expected source-day(s) missing");
        perSource.stream().filter(s -> !s.recencyMet()).forEach(s -> reasons.add("source " + s.source() + " has no data for "
                + through + " (newest: " + (s.newestDay() == null ? "none" : s.newestDay()) + ")"));
        Confidence confidence = new Confidence(missingTotal > 0 ? Confidence.Level.LOW : Confidence.Level.HIGH, reasons);
        return new ReconciliationResult.Check(0, COMPLETENESS, account, null, state, "expected", "ledger", null, null, null,
                v.differencePercent(), v.allowance(), v.breach(), v.severity(), v.openTriage(), List.of(), confidence, List.of(), List.of(),
                perSource, v.toleranceRuleId(), v.outcomeRuleId(), v.toleranceDecisionId(), v.outcomeDecisionId(), null);
    }

    private ReconciliationResult.Check ledgerVsInvoice(String account, String currency, String state, String version, String reference,
                                                       List<LedgerFacts.Cell> ledgerCells, InvoiceStore.AccountInvoice invoice,
                                                       ConfidenceInputs confidence) {
        List<AmountLine> observed = invoice.lines().stream()
                .map(l -> new AmountLine(l.billingAccountId(), l.service(), invoice.currency(), l.amount())).toList();
        CheckVerdict v = policy.check(LEDGER_VS_INVOICE, state, version, currency, amounts(ledgerCells), observed, confidence);

        Map<String, BigDecimal[]> byInvoice = new TreeMap<>();
        for (LedgerFacts.Cell c : ledgerCells) {
            if (c.invoiceId() != null) add(byInvoice, c.invoiceId(), 0, c.billedCost());
        }
        Map<String, BigDecimal> sections = new TreeMap<>();
        for (InvoiceSummary.Line l : invoice.lines()) {
            if (l.invoiceId() != null) add(byInvoice, l.invoiceId(), 1, l.amount());
            if (l.invoiceSection() != null) sections.merge(l.invoiceSection(), l.amount(), BigDecimal::add);
        }
        List<ReconciliationResult.InvoiceTotal> invoiceTotals = byInvoice.entrySet().stream().map(e -> new ReconciliationResult.InvoiceTotal(
                e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[1].subtract(e.getValue()[0]))).toList();
        List<ReconciliationResult.SectionTotal> sectionTotals = sections.entrySet().stream()
                .map(e -> new ReconciliationResult.SectionTotal(e.getKey(), e.getValue())).toList();
        return amountCheck(LEDGER_VS_INVOICE, account, reference, "invoice:" + invoice.documentId(), v, invoiceTotals, sectionTotals);
    }

    private ReconciliationResult.Check sourceVsSource(String account, String currency, String state, String version,
                                                      SourceViews.Pairing pair, List<LedgerFacts.Cell> ref, List<LedgerFacts.Cell> obs,
                                                      ConfidenceInputs confidence) {
        CheckVerdict v = policy.check(SOURCE_VS_SOURCE, state, version, currency, amounts(ref), amounts(obs), confidence);
        ReconciliationResult.Check k = amountCheck(SOURCE_VS_SOURCE, account, pair.reference().name(), pair.observed().name(), v,
                List.of(), List.of());
        return k.withPairing(pair.basis());
    }

    private static List<LedgerFacts.Cell> cellsOf(SourceViews.View view, Map<String, List<LedgerFacts.Cell>> bySource) {
        List<LedgerFacts.Cell> out = new ArrayList<>();
        view.sources().forEach(s -> out.addAll(bySource.getOrDefault(s, List.of())));
        return out;
    }

    private static int missingDays(SourceViews.View view, Map<String, Integer> missingBySource) {
        return view.sources().stream().mapToInt(s -> missingBySource.getOrDefault(s, 0)).sum();
    }

    private static ReconciliationResult.Check amountCheck(String kind, String account, String reference, String observed, CheckVerdict v,
                                                          List<ReconciliationResult.InvoiceTotal> invoiceTotals,
                                                          List<ReconciliationResult.SectionTotal> sections) {
        ComparisonResult r = v.result();
        return new ReconciliationResult.Check(0, kind, account, r.currency(), v.periodState(), reference, observed, r.referenceTotal(),
                r.observedTotal(), r.difference(), r.differencePercent(), r.allowance(), r.breach(), v.severity(), v.openTriage(),
                r.impactedServices(), r.confidence(), invoiceTotals, sections, List.of(), v.toleranceRuleId(), v.outcomeRuleId(),
                v.toleranceDecisionId(), v.outcomeDecisionId(), null);
    }

    private static List<AmountLine> amounts(List<LedgerFacts.Cell> cells) {
        return cells.stream().map(c -> new AmountLine(c.account(), c.service(), c.currency(), c.billedCost())).toList();
    }

    /**
     * Final at the provider: AWS CUR and FOCUS rows carry an invoice id once the invoice is issued ("until the report
     * is final, the InvoiceId is blank"); Azure closes the period up to 72 h after it ends.
     */
    static boolean finalAtProvider(LedgerFacts.Cell c, LocalDate period, Instant now) {
        if (c.invoiceId() != null) return true;
        String provider = c.provider() == null ? "" : c.provider().toLowerCase(java.util.Locale.ROOT);
        boolean azure = provider.contains("microsoft") || provider.contains("azure");
        return azure && !now.isBefore(period.plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(AZURE_CLOSE_HOURS * 3600));
    }

    /** Credits or refunds the provider has booked but not invoiced yet may still change the period. */
    static ConfidenceInputs confidence(List<LedgerFacts.Cell> cells, LocalDate period, Instant now, int missingDays) {
        boolean fin = !cells.isEmpty() && cells.stream().allMatch(c -> finalAtProvider(c, period, now));
        boolean credits = cells.stream().anyMatch(c -> c.invoiceId() == null
                && ("Credit".equalsIgnoreCase(c.chargeCategory()) || "Adjustment".equalsIgnoreCase(c.chargeCategory())));
        return new ConfidenceInputs(fin, credits, missingDays);
    }

    static ReconciliationResult.Summary summary(List<ReconciliationResult.Check> checks) {
        int breaches = (int) checks.stream().filter(ReconciliationResult.Check::breach).count();
        String worst = checks.stream().map(ReconciliationResult.Check::severity).max(Comparator.comparingInt(SEVERITIES::indexOf)).orElse("none");
        Confidence.Level level = checks.stream().map(k -> k.confidence().level()).max(Comparator.naturalOrder()).orElse(Confidence.Level.HIGH);
        Set<String> reasons = new LinkedHashSet<>();
        for (ReconciliationResult.Check k : checks) {
            for (String reason : k.confidence().reasons()) {
                reasons.add(k.billingAccountId() + (k.currency() == null ? "" : " " + k.currency()) + ": " + reason);
            }
        }
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        for (ReconciliationResult.Check k : checks) {
            if (k.currency() == null || k.difference() == null) continue;
            BigDecimal[] acc = byCurrency.computeIfAbsent(k.currency(), c -> zeros());
            if (k.kind().equals(LEDGER_VS_INVOICE)) acc[0] = acc[0].add(k.difference());
            acc[1] = acc[1].max(k.difference().abs());
        }
        List<ReconciliationResult.CurrencyTotal> totals = byCurrency.entrySet().stream()
                .map(e -> new ReconciliationResult.CurrencyTotal(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new ReconciliationResult.Summary(breaches > 0 ? "breached" : "passed", checks.size(), breaches, worst,
                checks.stream().anyMatch(ReconciliationResult.Check::openTriage), new Confidence(level, List.copyOf(reasons)), totals);
    }

    private static ReconciliationResult.Check renumber(ReconciliationResult.Check k, int ordinal) {
        return new ReconciliationResult.Check(ordinal, k.kind(), k.billingAccountId(), k.currency(), k.periodState(), k.reference(),
                k.observed(), k.referenceTotal(), k.observedTotal(), k.difference(), k.differencePercent(), k.allowance(), k.breach(),
                k.severity(), k.openTriage(), k.impactedServices(), k.confidence(), k.invoiceTotals(), k.invoiceSections(), k.completeness(),
                k.toleranceRuleId(), k.outcomeRuleId(), k.toleranceDecisionId(), k.outcomeDecisionId(), k.pairing());
    }

    private static void add(Map<String, BigDecimal[]> sums, String key, int side, BigDecimal amount) {
        BigDecimal[] acc = sums.computeIfAbsent(key, k -> zeros());
        acc[side] = acc[side].add(amount);
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }
}
