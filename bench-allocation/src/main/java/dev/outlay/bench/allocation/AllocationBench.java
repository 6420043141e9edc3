/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.bench.allocation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.allocation.AllocationCalculator;
import dev.outlay.allocation.AllocationOutcome;
import dev.outlay.allocation.ChargeGroup;
import dev.outlay.allocation.ChargeGroups;
import dev.outlay.allocation.SplitPolicy;
import dev.outlay.allocation.TagKeys;
import dev.outlay.decisions.CanonicalJson;
import dev.outlay.decisions.CompiledDmn;
import dev.outlay.decisions.ContentHash;
import dev.outlay.decisions.DmnCompiler;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * (a) an allocation run on the service's own code path: {@link ChargeGroups#load} (tag keys resolved, one SQL
 *     GROUP BY), the rule set evaluated once per distinct input ({@link CompiledDmn}, as the decision service's bulk
 *     path does, minus the decision-log insert), {@link AllocationCalculator} with the split policies, and the results
 *     written back (groups, lines, daily owner totals) with batched inserts;
 * (b) a plain SQL GROUP BY over the same rows and the same dimensions (one key per tag, no key resolution);
 * (c) the rule set evaluated per ledger row for a sample, extrapolated to all rows.
 * Targets: a ≤ 1.5 × b and c / a ≥ 20. Arguments: --rows N (10,000,000), --sample S (20,000),
 * --url jdbc:postgresql://127.0.0.1:5432/test, --user postgres, --work-mem 64MB (for (a) and (b) alike; default: the
 * server's), --keep (leave the scratch database).
 */
public final class AllocationBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        long rows = Long.parseLong(opts.getOrDefault("rows", "10000000").replace("_", ""));
        int sample = Integer.parseInt(opts.getOrDefault("sample", "20000"));
        String url = opts.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = opts.getOrDefault("user", "postgres");
        String db = "outlay_bench_alloc_" + System.currentTimeMillis();
        System.out.printf(Locale.ROOT, "machine: %d CPUs, java %s; ledger rows: %,d; scratch database %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), rows, db);
        try (Connection admin = DriverManager.getConnection(url, user, null); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        String scratch = url.substring(0, url.lastIndexOf('/') + 1) + db;
        try (Connection c = DriverManager.getConnection(scratch, user, null)) {
            if (opts.containsKey("work-mem")) {
                // Both timed queries share the session, so the setting never favours one of them.
                try (PreparedStatement ps = c.prepareStatement("SELECT set_config('work_mem', ?, false)")) {
                    ps.setString(1, opts.get("work-mem"));
                    ps.execute();
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW work_mem")) {
                rs.next();
                System.out.println("work_mem for (a) and (b): " + rs.getString(1));
            }
            run(c, rows, sample);
        } finally {
            if (!opts.containsKey("keep")) {
                try (Connection admin = DriverManager.getConnection(url, user, null); Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + db);
                }
            }
        }
    }

    private static void run(Connection c, long rows, int sample) throws Exception {
        BenchLedger.create(c);
        long t0 = System.nanoTime();
        BenchLedger.generate(c, rows);
        System.out.printf(Locale.ROOT, "generated %,d ledger rows in %.1f s%n", rows, secs(t0));
        String xml = ContentHash.canonicalize(BenchRules.table());
        CompiledDmn rules = DmnCompiler.compile(ContentHash.sha256(xml), xml);
        System.out.printf("allocation table: %d rows (bundled model + generated sub-account rows)%n", BenchRules.ROWS);
        createResultTables(c);
        LocalDate period = LocalDate.parse(BenchLedger.PERIOD);

        warmUp(c, rules, period);
        double b1 = plainGroupBy(c, period);
        Run a = allocate(c, rules, period);
        double b2 = plainGroupBy(c, period);
        double b = Math.min(b1, b2);
        double perRow = perRowSeconds(c, rules, period, sample, rows);
        double cTotal = perRow * rows;

        System.out.printf(Locale.ROOT, "(a) allocation run: %.2f s  (read+group %.2f s, %,d groups, %,d distinct inputs evaluated in %.2f s, "
                        + "calculate %.2f s, write back %.2f s; coverage %s%%, conservation %s)%n",
                a.total, a.read, a.groups, a.distinct, a.evaluate, a.calculate, a.write, a.coverage, a.conserved ? "exact" : "BROKEN");
        System.out.printf(Locale.ROOT, "(b) plain SQL GROUP BY over the same rows: %.2f s (best of two: %.2f / %.2f)%n", b, b1, b2);
        System.out.printf(Locale.ROOT, "(c) per-row evaluation: %.1f µs/row over a %,d-row sample → %.0f s for %,d rows (extrapolated)%n",
                perRow * 1e6, sample, cTotal, rows);
        double ab = a.total / b;
        double ca = cTotal / a.total;
        System.out.printf(Locale.ROOT, "a/b = %.2f (target <= 1.5) %s%n", ab, ab <= 1.5 ? "OK" : "MISSED");
        System.out.printf(Locale.ROOT, "c/a = %.1f (target >= 20) %s%n", ca, ca >= 20 ? "OK" : "MISSED");
    }

    record Run(double total, double read, double evaluate, double calculate, double write, int groups, int distinct,
               String coverage, boolean conserved) {
    }

    /** Caches, JIT and the rule model warmed on a small period slice so the first timed step is not penalised. */
    private static void warmUp(Connection c, CompiledDmn rules, LocalDate period) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT count(*), sum(effective_cost) FROM outlay.ledger_charge");
        }
        List<Map<String, Object>> sampleRows = sampleInputs(c, 2000);
        for (Map<String, Object> in : sampleRows) rules.evaluate(in);
    }

    private static Run allocate(Connection c, CompiledDmn rules, LocalDate period) throws SQLException {
        long t0 = System.nanoTime();
        List<ChargeGroup> groups = ChargeGroups.load(c, BenchLedger.TENANT, period);
        double read = secs(t0);
        long t1 = System.nanoTime();
        Map<String, Map<String, Object>> byInput = new HashMap<>();
        List<Map<String, Object>> outcomes = new ArrayList<>(groups.size());
        Map<String, SplitPolicy> policies = new TreeMap<>();
        for (ChargeGroup g : groups) {
            String key = CanonicalJson.write(CanonicalJson.normalize(g.inputs()));
            Map<String, Object> out = byInput.computeIfAbsent(key, k -> rules.evaluate(g.inputs()));
            Map<String, Object> decision = decision(out, "allocation");
            outcomes.add(decision);
            if (decision != null && AllocationCalculator.SHARED.equals(String.valueOf(decision.get("team")))) {
                String pool = AllocationCalculator.poolOf(decision);
                policies.computeIfAbsent(pool, p -> SplitPolicy.of(p, out.get("splitPolicy")));
            }
        }
        double evaluate = secs(t1);
        long t2 = System.nanoTime();
        AllocationOutcome o = AllocationCalculator.calculate(groups, outcomes, policies);
        double calculate = secs(t2);
        long t3 = System.nanoTime();
        writeBack(c, o);
        double write = secs(t3);
        double total = secs(t0);
        // The conservation check is the benchmark's own verification (a full scan); a service run does not do it.
        BigDecimal lines = o.lines().stream().map(AllocationOutcome.Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean conserved = lines.compareTo(ledgerTotal(c)) == 0;
        return new Run(total, read, evaluate, calculate, write, groups.size(), byInput.size(),
                // Coverage is per currency: a period's currencies are allocated apart.
                String.join(" ", o.currencies().stream().map(t -> t.currency() + " " + t.coveragePct().toPlainString()).toList()), conserved);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decision(Map<String, Object> outputs, String name) {
        return outputs.get(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static double plainGroupBy(Connection c, LocalDate period) throws SQLException {
        long t0 = System.nanoTime();
        long n = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT provider_name, billing_account_id, COALESCE(sub_account_name, sub_account_id), service_name, service_category,
                       region_id, resource_type, charge_category, tags->>'team', tags->>'product', tags->>'env', tags->>'cost-center',
                       tags->>'app', (charge_period_start AT TIME ZONE 'UTC')::date, sum(effective_cost), count(*)
                FROM outlay.ledger_charge WHERE tenant_id = ? AND billing_period = ?
                GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14""")) {
            ps.setString(1, BenchLedger.TENANT);
            ps.setDate(2, Date.valueOf(period));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getBigDecimal(15);
                    n++;
                }
            }
        }
        if (n == 0) throw new IllegalStateException("no groups");
        return secs(t0);
    }

    /** Seconds per row of evaluating the rules row by row (inputs built per row as the set-wise path does per group). */
    private static double perRowSeconds(Connection c, CompiledDmn rules, LocalDate period, int sample, long rows) throws Exception {
        List<Map<String, Object>> inputs = sampleInputs(c, sample);
        long t0 = System.nanoTime();
        for (Map<String, Object> in : inputs) rules.evaluate(in);
        return secs(t0) / inputs.size();
    }

    private static List<Map<String, Object>> sampleInputs(Connection c, int n) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>(n);
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT provider_name, billing_account_id, COALESCE(sub_account_name, sub_account_id), service_name, service_category,
                       region_id, resource_type, charge_category, tags::text
                FROM outlay.ledger_charge TABLESAMPLE SYSTEM (1) REPEATABLE (7) LIMIT ?""")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> in = new TreeMap<>();
                    String[] names = {"provider", "billingAccount", "subAccount", "serviceName", "serviceCategory", "region", "resourceType", "chargeCategory"};
                    for (int i = 0; i < names.length; i++) in.put(names[i], rs.getString(i + 1));
                    for (String t : List.of("tagTeam", "tagProduct", "tagEnvironment", "tagCostCenter", "tagApplication")) in.put(t, null);
                    try {
                        Map<?, ?> tags = JSON.readValue(rs.getString(9), Map.class);
                        for (Map.Entry<?, ?> e : tags.entrySet()) {
                            TagKeys.canonical(e.getKey().toString()).ifPresent(k -> in.put("tag" + Character.toUpperCase(k.charAt(0)) + k.substring(1),
                                    TagKeys.normalizeValue(String.valueOf(e.getValue()))));
                        }
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    out.add(in);
                }
            }
        }
        if (out.isEmpty()) throw new IllegalStateException("empty sample");
        return out;
    }

    private static void createResultTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE outlay.allocation_group (run_id text, tenant_id text, inputs text, service_name text, billing_account text,
                      sub_account text, effective_cost numeric, row_count bigint, team text, product text, environment text,
                      cost_center text, rule_id text, outcome text, reason text)""");
            s.execute("""
                    CREATE TABLE outlay.allocation_line (run_id text, tenant_id text, team text, product text, environment text,
                      cost_center text, direct_cost numeric, shared_cost numeric, total_cost numeric, reason text)""");
            s.execute("""
                    CREATE TABLE outlay.allocation_daily (run_id text, tenant_id text, day date, team text, product text,
                      environment text, cost_center text, direct_cost numeric)""");
        }
    }

    /** The same rows the service stores per run (AllocationStore), written with batched inserts as it does. */
    private static void writeBack(Connection c, AllocationOutcome o) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outlay.allocation_group VALUES ('run', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (AllocationOutcome.GroupResult g : o.groups()) {
                int p = 1;
                ps.setString(p++, BenchLedger.TENANT);
                ps.setString(p++, CanonicalJson.write(g.group().inputs()));
                ps.setString(p++, g.group().dimension("serviceName"));
                ps.setString(p++, g.group().dimension("billingAccount"));
                ps.setString(p++, g.group().dimension("subAccount"));
                ps.setBigDecimal(p++, g.group().effectiveCost());
                ps.setLong(p++, g.group().rows());
                ps.setString(p++, g.owner() == null ? null : g.owner().team());
                ps.setString(p++, g.owner() == null ? null : g.owner().product());
                ps.setString(p++, g.owner() == null ? null : g.owner().environment());
                ps.setString(p++, g.owner() == null ? null : g.owner().costCenter());
                ps.setString(p++, g.ruleId());
                ps.setString(p++, g.kind().name());
                ps.setString(p, g.reason());
                ps.addBatch();
                if (++n % 5000 == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outlay.allocation_line VALUES ('run', ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AllocationOutcome.Line l : o.lines()) {
                ps.setString(1, BenchLedger.TENANT);
                ps.setString(2, l.owner().team());
                ps.setString(3, l.owner().product());
                ps.setString(4, l.owner().environment());
                ps.setString(5, l.owner().costCenter());
                ps.setBigDecimal(6, l.direct());
                ps.setBigDecimal(7, l.shared());
                ps.setBigDecimal(8, l.total());
                ps.setString(9, l.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<String, BigDecimal> daily = new TreeMap<>();
        Map<String, Object[]> keys = new HashMap<>();
        for (AllocationOutcome.GroupResult g : o.groups()) {
            if (g.kind() != AllocationOutcome.Kind.direct) continue;
            String k = g.group().day() + "|" + g.owner();
            daily.merge(k, g.group().effectiveCost(), BigDecimal::add);
            keys.putIfAbsent(k, new Object[]{g.group().day(), g.owner()});
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outlay.allocation_daily VALUES ('run', ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, BigDecimal> e : daily.entrySet()) {
                Object[] k = keys.get(e.getKey());
                dev.outlay.allocation.Owner owner = (dev.outlay.allocation.Owner) k[1];
                ps.setString(1, BenchLedger.TENANT);
                ps.setDate(2, Date.valueOf((LocalDate) k[0]));
                ps.setString(3, owner.team());
                ps.setString(4, owner.product());
                ps.setString(5, owner.environment());
                ps.setString(6, owner.costCenter());
                ps.setBigDecimal(7, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(auto);
    }

    private static BigDecimal ledgerTotal(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sum(effective_cost) FROM outlay.ledger_charge")) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected argument " + args[i]);
            String name = args[i].substring(2);
            if (name.equals("keep")) out.put(name, "true");
            else out.put(name, args[++i]);
        }
        return out;
    }
}
