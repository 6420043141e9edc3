/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.decisions.DecisionService;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Simulates and applies the allocation rule set over a billing period of the ledger. */
@ApplicationScoped
public class AllocationService {

    public static final String RULE_SET = "allocation";

    @Inject
    ChargeGroups chargeGroups;

    @Inject
    DecisionService decisions;

    @Inject
    AllocationStore store;

    @Inject
    AuditLog audit;

    @Inject
    AgroalDataSource dataSource;

    public record Evaluated(String versionHash, UUID decisionRunId, AllocationOutcome outcome) {
    }

    /** Hears the number of charge groups of the period and how many of them are decided so far. */
    public interface Progress {
        void groups(int total, int evaluated);
    }

    Evaluated evaluate(LocalDate period, String version) {
        return evaluate(period, version, (total, evaluated) -> { });
    }

    Evaluated evaluate(LocalDate period, String version, Progress progress) {
        String tenant = TenantContext.requireTenant();
        List<ChargeGroup> groups = chargeGroups.load(tenant, period);
        if (groups.isEmpty()) throw ProblemException.unprocessable("The ledger has no rows for billing period " + period + ".", List.of());
        progress.groups(groups.size(), 0);
        DecisionService.BulkResult bulk = decisions.evaluateBulk(RULE_SET, version, groups.stream().map(ChargeGroup::inputs).toList(),
                done -> progress.groups(groups.size(), done));
        return new Evaluated(bulk.versionHash(), bulk.runId(), fold(groups, bulk.outputs(), bulk.versionHash()));
    }

    /**
     * The statement a version's outputs (one per group, same order) make of the groups: each group's allocation
     * decision, and each shared pool split by the policy the version gives it. Also what a simulation folds its
     * unlogged evaluations with, so a simulated and a real run cannot disagree on the arithmetic.
     */
    public static AllocationOutcome fold(List<ChargeGroup> groups, List<Map<String, Object>> outputs, String versionHash) {
        List<Map<String, Object>> outcomes = new ArrayList<>();
        Map<String, SplitPolicy> policies = new TreeMap<>();
        for (Map<String, Object> out : outputs) {
            Map<String, Object> decision = decisionOf(out, RULE_SET);
            outcomes.add(decision);
            if (decision != null && AllocationCalculator.SHARED.equals(String.valueOf(decision.get("team")).trim().toLowerCase(java.util.Locale.ROOT))) {
                String pool = AllocationCalculator.poolOf(decision);
                if (!policies.containsKey(pool)) policies.put(pool, policy(pool, decisionOf(out, SPLIT_POLICY), versionHash));
            }
        }
        return AllocationCalculator.calculate(groups, outcomes, policies);
    }

    /** The decision of the split-policy table; versions without one split every pool proportionally. */
    public static final String SPLIT_POLICY = "splitPolicy";

    private static SplitPolicy policy(String pool, Object decision, String versionHash) {
        try {
            return SplitPolicy.of(pool, decision);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("Rule version " + versionHash + " cannot split pool '" + pool + "': " + e.getMessage(),
                    List.of(dev.outlay.api.problem.Problem.Fault.at(SPLIT_POLICY, e.getMessage())));
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> decisionOf(Map<String, Object> outputs, String decision) {
        Object d = outputs == null ? null : outputs.get(decision);
        return d instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** Any version (a draft too) over the ledger; nothing is persisted but the decision log. */
    public Map<String, Object> simulate(LocalDate period, String version) {
        Evaluated e = evaluate(period, version);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("billingPeriod", period.toString());
        body.put("versionHash", e.versionHash());
        body.put("currencies", e.outcome().currencies());
        body.put("totals", Map.of(
                "team", Statements.totals(e.outcome().lines(), List.of("team")),
                "product", Statements.totals(e.outcome().lines(), List.of("product")),
                "environment", Statements.totals(e.outcome().lines(), List.of("environment"))));
        body.put("againstLastRun", store.latestRun(period).map(run -> diff(run, e.outcome())).orElse(null));
        body.put("sharedPools", e.outcome().pools());
        body.put("topUnallocated", topUnallocated(e.outcome()));
        return body;
    }

    /** What changes against the run in force, per team and currency (a team's EUR and USD totals never net out). */
    private Map<String, Object> diff(AllocationStore.Run last, AllocationOutcome now) {
        Map<List<String>, BigDecimal> before = new TreeMap<>(KEY_ORDER);
        for (AllocationOutcome.Line l : store.lines(last.id())) before.merge(List.of(l.owner().team(), l.currency()), l.total(), BigDecimal::add);
        Map<List<String>, BigDecimal> after = new TreeMap<>(KEY_ORDER);
        for (AllocationOutcome.Line l : now.lines()) after.merge(List.of(l.owner().team(), l.currency()), l.total(), BigDecimal::add);
        List<Map<String, Object>> teams = new ArrayList<>();
        TreeMap<List<String>, Boolean> all = new TreeMap<>(KEY_ORDER);
        before.keySet().forEach(k -> all.put(k, true));
        after.keySet().forEach(k -> all.put(k, true));
        for (List<String> key : all.keySet()) {
            BigDecimal b = before.getOrDefault(key, BigDecimal.ZERO);
            BigDecimal a = after.getOrDefault(key, BigDecimal.ZERO);
            if (b.compareTo(a) != 0) {
                teams.add(Map.of("team", key.get(0), "currency", key.get(1), "before", b, "after", a, "delta", a.subtract(b)));
            }
        }
        List<Map<String, Object>> coverage = new ArrayList<>();
        TreeMap<String, Boolean> currencies = new TreeMap<>();
        last.currencies().forEach(c -> currencies.put(c.currency(), true));
        now.currencies().forEach(c -> currencies.put(c.currency(), true));
        for (String c : currencies.keySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("currency", c);
            row.put("coveragePctBefore", last.currencies().stream().filter(x -> x.currency().equals(c)).findFirst()
                    .map(AllocationOutcome.CurrencyTotal::coveragePct).orElse(null));
            row.put("coveragePctAfter", now.in(c).map(AllocationOutcome.CurrencyTotal::coveragePct).orElse(null));
            coverage.add(row);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("runId", last.id());
        d.put("versionHash", last.versionHash());
        d.put("coverage", coverage);
        d.put("changedTeams", teams);
        return d;
    }

    private static final java.util.Comparator<List<String>> KEY_ORDER = (x, y) -> String.join("\u0000", x).compareTo(String.join("\u0000", y));

    private List<Map<String, Object>> topUnallocated(AllocationOutcome outcome) {
        Map<List<String>, BigDecimal> byServiceAccount = new TreeMap<>((x, y) -> x.toString().compareTo(y.toString()));
        Map<List<String>, String> reasons = new TreeMap<>((x, y) -> x.toString().compareTo(y.toString()));
        for (AllocationOutcome.GroupResult g : outcome.groups()) {
            if (g.kind() != AllocationOutcome.Kind.unallocated) continue;
            List<String> key = List.of(String.valueOf(g.group().dimension("serviceName")), String.valueOf(g.group().dimension("billingAccount")),
                    g.group().currency());
            byServiceAccount.merge(key, g.group().effectiveCost(), BigDecimal::add);
            reasons.putIfAbsent(key, g.reason());
        }
        return byServiceAccount.entrySet().stream()
                .sorted((a, b) -> b.getValue().abs().compareTo(a.getValue().abs()))
                .limit(10)
                .map(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("serviceName", e.getKey().get(0));
                    row.put("billingAccount", e.getKey().get(1));
                    row.put("currency", e.getKey().get(2));
                    row.put("effectiveCost", e.getValue());
                    row.put("reason", reasons.get(e.getKey()));
                    row.put("exampleResources", exampleResources(e.getKey().get(0), e.getKey().get(1)));
                    return row;
                }).toList();
    }

    private List<String> exampleResources(String service, String account) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT resource_id FROM outlay.ledger_charge WHERE tenant_id = ? AND service_name = ? AND billing_account_id = ? "
                        + "AND resource_id IS NOT NULL ORDER BY resource_id LIMIT 3")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, service);
            ps.setString(3, account);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores a run's results and marks it succeeded, superseding the run in force for the period, in one
     * transaction: readers see the old statement or the new one, never a mix.
     */
    @Transactional
    void apply(UUID id, LocalDate period, Evaluated e) {
        Optional<AllocationStore.Run> previous = store.latestRun(period);
        store.complete(id, e);
        previous.ifPresent(p -> store.supersede(p.id(), id));
        audit.record("allocation.run", "allocation_run", id.toString(), previous.map(p -> Map.of("runId", p.id().toString())).orElse(null),
                Map.of("billingPeriod", period.toString(), "versionHash", e.versionHash(), "currencies", e.outcome().currencies()));
    }
}
