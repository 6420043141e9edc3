/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.simulation;

import dev.outlay.allocation.AllocationCalculator;
import dev.outlay.allocation.AllocationOutcome;
import dev.outlay.allocation.AllocationService;
import dev.outlay.allocation.ChargeGroup;
import dev.outlay.allocation.ChargeGroups;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.decisions.CanonicalJson;
import dev.outlay.decisions.RuleVersion;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An allocation draft against the baseline (the active version unless another is named) over one billing period of
 * the ledger: coverage and cost per owner and currency under both, and every charge group whose owner changes with
 * both owners and its amount. Both sides go through {@link AllocationService#fold}, the arithmetic of real runs, and
 * neither writes anything: no run, no statement line, no decision-log record.
 */
@ApplicationScoped
public class AllocationSimulation {

    @Inject
    ChargeGroups chargeGroups;

    @Inject
    UnloggedEvaluator evaluator;

    public record Coverage(String currency, BigDecimal total, BigDecimal allocatedBaseline, BigDecimal allocatedDraft,
                           BigDecimal coveragePctBaseline, BigDecimal coveragePctDraft) {
    }

    public record OwnerCost(String owner, String currency, BigDecimal baseline, BigDecimal draft, BigDecimal delta) {
    }

    /** A distinct combination of rule inputs in one currency, summed over the period's days. */
    public record ChangedGroup(Map<String, Object> inputs, String currency, BigDecimal amount, long rows, String ownerBaseline,
                               String ownerDraft, String ruleBaseline, String ruleDraft) {
    }

    public record Result(String billingPeriod, String baseline, String draft, int groups, List<Coverage> coverage,
                         List<OwnerCost> owners, List<ChangedGroup> changedGroups) {
    }

    public Result simulate(String ruleSet, LocalDate period, RuleVersion baseline, RuleVersion draft) {
        List<ChargeGroup> groups = chargeGroups.load(TenantContext.requireTenant(), period);
        if (groups.isEmpty()) throw ProblemException.unprocessable("The ledger has no rows for billing period " + period + ".", List.of());
        List<Map<String, Object>> inputs = groups.stream().map(ChargeGroup::inputs).toList();
        List<Map<String, Object>> outA = evaluator.evaluateAll(baseline, inputs);
        List<Map<String, Object>> outB = evaluator.evaluateAll(draft, inputs);
        AllocationOutcome a = AllocationService.fold(groups, outA, baseline.hash());
        AllocationOutcome b = AllocationService.fold(groups, outB, draft.hash());
        return new Result(period.toString().substring(0, 7), baseline.hash(), draft.hash(), groups.size(), coverage(a, b), owners(a, b),
                changed(groups, a, b, outA, outB));
    }

    private static List<Coverage> coverage(AllocationOutcome a, AllocationOutcome b) {
        List<Coverage> out = new ArrayList<>();
        for (AllocationOutcome.CurrencyTotal ca : a.currencies()) {
            AllocationOutcome.CurrencyTotal cb = b.in(ca.currency()).orElseThrow();
            out.add(new Coverage(ca.currency(), ca.total(), ca.allocated(), cb.allocated(), ca.coveragePct(), cb.coveragePct()));
        }
        return out;
    }

    /** Cost per team and currency (direct plus split shares; unallocated as its own owner). Currencies never net. */
    private static List<OwnerCost> owners(AllocationOutcome a, AllocationOutcome b) {
        Map<List<String>, BigDecimal[]> m = new TreeMap<>((x, y) -> String.join("\u0000", x).compareTo(String.join("\u0000", y)));
        for (AllocationOutcome.Line l : a.lines()) add(m, l, 0);
        for (AllocationOutcome.Line l : b.lines()) add(m, l, 1);
        List<OwnerCost> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new OwnerCost(k.get(0), k.get(1), v[0], v[1], v[1].subtract(v[0]))));
        return out;
    }

    private static void add(Map<List<String>, BigDecimal[]> m, AllocationOutcome.Line l, int side) {
        BigDecimal[] v = m.computeIfAbsent(List.of(l.owner().team(), l.currency()), k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        v[side] = v[side].add(l.total());
    }

    private static List<ChangedGroup> changed(List<ChargeGroup> groups, AllocationOutcome a, AllocationOutcome b,
                                              List<Map<String, Object>> outA, List<Map<String, Object>> outB) {
        Map<String, ChangedGroup> byKey = new TreeMap<>();
        for (int i = 0; i < groups.size(); i++) {
            String ownerA = owner(a.groups().get(i), outA.get(i)), ownerB = owner(b.groups().get(i), outB.get(i));
            if (ownerA.equals(ownerB)) continue;
            ChargeGroup g = groups.get(i);
            String key = CanonicalJson.write(g.inputs()) + "|" + g.currency();
            ChangedGroup old = byKey.get(key);
            BigDecimal amount = old == null ? g.effectiveCost() : old.amount().add(g.effectiveCost());
            long rows = old == null ? g.rows() : old.rows() + g.rows();
            byKey.put(key, new ChangedGroup(new TreeMap<>(g.inputs()), g.currency(), amount, rows, ownerA, ownerB,
                    a.groups().get(i).ruleId(), b.groups().get(i).ruleId()));
        }
        List<ChangedGroup> out = new ArrayList<>(byKey.values());
        out.sort((x, y) -> y.amount().abs().compareTo(x.amount().abs()) != 0 ? y.amount().abs().compareTo(x.amount().abs())
                : (CanonicalJson.write(x.inputs()) + x.currency()).compareTo(CanonicalJson.write(y.inputs()) + y.currency()));
        return out;
    }

    /** The owner as a reader names it: the owner's dimensions, the shared pool, or unallocated with the rules' reason. */
    static String owner(AllocationOutcome.GroupResult g, Map<String, Object> outputs) {
        return switch (g.kind()) {
            case direct -> {
                StringBuilder sb = new StringBuilder(g.owner().team());
                if (!"-".equals(g.owner().product())) sb.append(" / ").append(g.owner().product());
                if (!"-".equals(g.owner().environment())) sb.append(" / ").append(g.owner().environment());
                if (!"-".equals(g.owner().costCenter())) sb.append(" / cc ").append(g.owner().costCenter());
                yield sb.toString();
            }
            case shared -> "shared pool " + AllocationCalculator.poolOf(AllocationService.decisionOf(outputs, AllocationService.RULE_SET));
            case unallocated -> "unallocated (" + g.reason() + ")";
        };
    }
}
