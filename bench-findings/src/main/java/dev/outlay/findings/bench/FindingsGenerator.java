/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.findings.bench;

import dev.outlay.findings.Detectors;
import dev.outlay.findings.LedgerDay;
import dev.outlay.findings.SavingsRange;
import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.MetricName;
import dev.outlay.model.inventory.MetricSample;
import dev.outlay.model.inventory.ResourceKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Labelled resources with known waste of every detector kind, and confounders that must not be flagged. Each
 * resource i is generated from its own {@code Random(seed, i)}, so any subset, order or thread count gives the same
 * resources. Prices are us-east-1 list prices (per hour or GB-month); truth savings are what re-billing the resource
 * with the action applied would save, computed from the generator's own daily costs, independent of FindingSavings.
 */
public final class FindingsGenerator {

    public static final LocalDate SCAN = LocalDate.of(2026, 11, 30);
    private static final BigDecimal MONTH = SavingsRange.DAYS_PER_MONTH;

    /** Template name and weight: positives first, then confounders (names starting "c:"). */
    private static final Map<String, Integer> TEMPLATES = new LinkedHashMap<>();

    static {
        TEMPLATES.put("idle", 3);
        TEMPLATES.put("idle-reserved", 1);
        TEMPLATES.put("overprovisioned", 3);
        TEMPLATES.put("ebs-unattached", 2);
        TEMPLATES.put("eip-billing-only", 1);
        TEMPLATES.put("eip-unassociated", 1);
        TEMPLATES.put("snapshot-orphan", 2);
        TEMPLATES.put("lb-idle", 1);
        TEMPLATES.put("lb-idle-billing-only", 1);
        TEMPLATES.put("stopped-storage", 1);
        TEMPLATES.put("saas-seats", 1);
        TEMPLATES.put("rds-multiaz-dev", 1);
        TEMPLATES.put("multizone-test", 1);
        TEMPLATES.put("interaz", 1);
        TEMPLATES.put("nat-heavy", 1);
        TEMPLATES.put("gp2", 2);
        TEMPLATES.put("prevgen", 2);
        TEMPLATES.put("always-on-dev", 2);
        // One application per generator cycle (application tag app-<cycle>): production, a staging copy of it running
        // around the clock, a dev copy on a 12 h weekday schedule and two small qa hosts. Weights are member counts.
        TEMPLATES.put("shaped-staging-web", 2);
        TEMPLATES.put("shaped-staging-db", 1);
        TEMPLATES.put("shaped-qa-small", 2);
        TEMPLATES.put("agent-gap", 1);
        TEMPLATES.put("c:busy-prod", 10);
        TEMPLATES.put("c:batch-bursty", 2);
        TEMPLATES.put("c:dr-standby", 1);
        TEMPLATES.put("c:resized-last-week", 1);
        TEMPLATES.put("c:seasonal-web", 2);
        TEMPLATES.put("c:seasonal-lb", 1);
        TEMPLATES.put("c:young-volume", 1);
        TEMPLATES.put("c:prod-multiaz", 1);
        TEMPLATES.put("c:gp2-large", 1);
        TEMPLATES.put("c:snapshot-of-image", 1);
        TEMPLATES.put("c:memory-bound", 1);
        TEMPLATES.put("c:stopped-instance", 1);
        TEMPLATES.put("c:nat-normal", 1);
        TEMPLATES.put("c:saas-fully-used", 1);
        TEMPLATES.put("c:shaped-prod-web", 2);
        TEMPLATES.put("c:shaped-prod-db", 1);
        TEMPLATES.put("c:shaped-dev-scheduled-web", 2);
        TEMPLATES.put("c:shaped-dev-scheduled-db", 1);
    }

    private static final String[] SLOTS;

    static {
        List<String> slots = new ArrayList<>();
        TEMPLATES.forEach((name, weight) -> {
            for (int w = 0; w < weight; w++) slots.add(name);
        });
        SLOTS = slots.toArray(String[]::new);
    }

    private final long seed;

    public FindingsGenerator(long seed) {
        this.seed = seed;
    }

    public static List<String> templates() {
        return List.copyOf(TEMPLATES.keySet());
    }

    public LabelledCase generate(int i) {
        LabelledCase c = generate(i, false);
        if (!c.template().contains("shaped-")) return c;
        // The rest of its application: the other members of the same cycle, without metrics (shapes read inventory
        // and billing only), whether or not the run reaches their index.
        int cycle = i / SLOTS.length;
        List<LabelledCase> peers = new ArrayList<>();
        for (int k = 0; k < SLOTS.length; k++) {
            int j = cycle * SLOTS.length + k;
            if (j != i && SLOTS[k].contains("shaped-")) peers.add(generate(j, true));
        }
        return c.withPeers(peers);
    }

    private LabelledCase generate(int i, boolean peer) {
        Random rnd = new Random(seed * 1_000_003L + i);
        String template = SLOTS[i % SLOTS.length];
        // One account in twenty bills in EUR: findings must keep its money apart.
        String currency = i % 20 == 7 ? "EUR" : "USD";
        return new Builder(template, i, rnd, currency, peer).build();
    }

    // ------------------------------------------------------------------------------------------------------

    private static final class Builder {
        final String template;
        final String id;
        final Random rnd;
        final String currency;
        final List<LedgerDay> ledger = new ArrayList<>();
        final List<MetricSample> samples = new ArrayList<>();
        final List<String> findings = new ArrayList<>();
        final List<String> insufficient = new ArrayList<>();
        final Map<String, BigDecimal> truthExpected = new HashMap<>();
        final Map<String, BigDecimal> truthLow = new HashMap<>();
        Map<String, String> tags = Map.of("env", "prod", "team", "payments");
        final int cycle;
        final boolean peer;

        Builder(String template, int i, Random rnd, String currency, boolean peer) {
            this.template = template;
            this.id = String.format("r-%07d", i);
            this.rnd = rnd;
            this.currency = currency;
            this.cycle = i / SLOTS.length;
            this.peer = peer;
        }

        double between(double lo, double hi) {
            return lo + rnd.nextDouble() * (hi - lo);
        }

        int between(int lo, int hi) {
            return lo + rnd.nextInt(hi - lo + 1);
        }

        LabelledCase build() {
            InventoryItem item = switch (template) {
                case "idle" -> compute("m5.xlarge", 0.192, Load.IDLE, false, Map.of());
                case "idle-reserved" -> compute("m5.xlarge", 0.192, Load.IDLE, true, Map.of());
                case "overprovisioned" -> compute("m5.2xlarge", 0.384, Load.OVERSIZED, false, Map.of());
                case "agent-gap" -> compute("m5.xlarge", 0.192, Load.AGENT_GAP, false, Map.of());
                case "c:busy-prod" -> compute("m5.xlarge", 0.192, Load.BUSY, false, Map.of());
                case "c:batch-bursty" -> compute("m5.2xlarge", 0.384, Load.BATCH, false, Map.of());
                case "c:dr-standby" -> {
                    tags = Map.of("env", "prod", "dr", "true");
                    yield compute("m5.xlarge", 0.192, Load.IDLE, false, Map.of());
                }
                case "c:resized-last-week" -> compute("m5.xlarge", 0.192, Load.IDLE_RESIZED, false, Map.of());
                case "c:seasonal-web" -> compute("m5.xlarge", 0.192, Load.SEASONAL, false, Map.of());
                case "c:memory-bound" -> compute("r5.xlarge", 0.252, Load.MEMORY_BOUND, false, Map.of());
                case "prevgen" -> prevGen();
                case "always-on-dev" -> {
                    tags = Map.of("env", "dev", "team", "search");
                    yield compute("m5.large", 0.096, Load.BUSY, false, Map.of());
                }
                case "c:stopped-instance" -> stoppedInstance();
                case "interaz" -> interAz();
                case "ebs-unattached" -> volume("gp3", between(50, 500), "available", null, between(35, 300), Map.of());
                case "c:young-volume" -> volume("gp3", between(50, 500), "available", null, 10, Map.of());
                case "stopped-storage" -> volume("gp3", between(50, 300), "in-use", "i-stopped-" + id, 300,
                        Map.of("attachedInstanceState", "stopped",
                                "attachedInstanceStoppedDays", Integer.toString(between(35, 200))));
                case "gp2" -> volume("gp2", between(20, 900), "in-use", "i-" + id, 300, Map.of());
                case "c:gp2-large" -> volume("gp2", between(1500, 4000), "in-use", "i-" + id, 300, Map.of());
                case "snapshot-orphan" -> snapshot(false);
                case "c:snapshot-of-image" -> snapshot(true);
                case "eip-billing-only" -> eip(false);
                case "eip-unassociated" -> eip(true);
                case "lb-idle" -> loadBalancer(Traffic.IDLE, true);
                case "lb-idle-billing-only" -> loadBalancer(Traffic.IDLE, false);
                case "c:seasonal-lb" -> loadBalancer(Traffic.SEASONAL, true);
                case "nat-heavy" -> nat(true);
                case "c:nat-normal" -> nat(false);
                case "rds-multiaz-dev" -> {
                    tags = Map.of("env", "dev", "team", "ledger");
                    yield database(true, true);
                }
                case "c:prod-multiaz" -> database(true, false);
                case "multizone-test" -> multiZone();
                case "saas-seats" -> seats(false);
                case "c:saas-fully-used" -> seats(true);
                case "c:shaped-prod-web" -> envMember("prod", ResourceKind.COMPUTE_INSTANCE, "m5.xlarge", 0.192, false);
                case "c:shaped-prod-db" -> envMember("prod", ResourceKind.DATABASE_INSTANCE, "db.r5.large", 0.25, false);
                case "shaped-staging-web" -> envMember("staging", ResourceKind.COMPUTE_INSTANCE, "m5.xlarge", 0.192, false);
                case "shaped-staging-db" -> envMember("staging", ResourceKind.DATABASE_INSTANCE, "db.r5.large", 0.25, false);
                case "c:shaped-dev-scheduled-web" -> envMember("dev", ResourceKind.COMPUTE_INSTANCE, "m5.xlarge", 0.192, true);
                case "c:shaped-dev-scheduled-db" -> envMember("dev", ResourceKind.DATABASE_INSTANCE, "db.r5.large", 0.25, true);
                case "shaped-qa-small" -> envMember("qa", ResourceKind.COMPUTE_INSTANCE, "t3.small", 0.0208, false);
                default -> throw new IllegalStateException(template);
            };
            return new LabelledCase(template, template.startsWith("c:"), currency, item, List.copyOf(ledger),
                    List.copyOf(samples), List.copyOf(findings), List.copyOf(insufficient), Map.copyOf(truthExpected),
                    Map.copyOf(truthLow), List.of());
        }

        /**
         * A member of application app-{cycle}: staging duplicates production (prod-shaped; its always-on saving is
         * the same off-hours share, counted once), dev has the same shape on a 12 h weekday schedule (nothing), qa is
         * two small always-on hosts (always-on only: its shape shares nothing with production's).
         */
        InventoryItem envMember(String env, ResourceKind kind, String size, double hourly, boolean scheduled) {
            tags = Map.of("env", env, "team", "shop", "application", "app-" + cycle);
            String usage = (kind == ResourceKind.DATABASE_INSTANCE ? "InstanceUsage:" : "BoxUsage:") + size;
            BigDecimal daily = money(24 * hourly);
            for (int d = 29; d >= 0; d--) {
                LocalDate day = SCAN.minusDays(d);
                boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (scheduled && weekend) continue;
                BigDecimal cost = scheduled ? money(12 * hourly) : daily;
                ledger.add(new LedgerDay(id, day, usage, "RunInstances", BigDecimal.valueOf(scheduled ? 12 : 24), cost, cost,
                        currency, false, tags));
            }
            if (kind == ResourceKind.COMPUTE_INSTANCE) metrics(Load.BUSY, true);
            BigDecimal off = daily.multiply(BigDecimal.ONE.subtract(new BigDecimal("60").divide(new BigDecimal("168"), 10,
                    RoundingMode.HALF_EVEN)));
            if (env.equals("staging")) truth(Detectors.NONPROD_PROD_SHAPED, off, off);
            if (env.equals("qa")) truth(Detectors.NONPROD_ALWAYS_ON, off, off);
            return item(kind, kind == ResourceKind.DATABASE_INSTANCE ? "available" : "running", size, null, 400, 200,
                    Map.of());
        }

        InventoryItem item(ResourceKind kind, String state, String size, String attachedTo, int ageDays,
                           int daysInState, Map<String, String> attrs) {
            return new InventoryItem("aws", "1111" + (currency.equals("EUR") ? "9" : "2") + "2223333", "us-east-1",
                    "us-east-1" + "abc".charAt(rnd.nextInt(3)), id, kind, state, size, attachedTo, ago(ageDays),
                    ago(daysInState), tags, attrs, ago(0));
        }

        static Instant ago(int days) {
            return SCAN.minusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC);
        }

        /** The same row on each of the 30 billing days; returns the daily effective cost. */
        BigDecimal bill(String usageType, String operation, double hoursPerDay, double costPerDay, boolean committed) {
            BigDecimal cost = money(costPerDay);
            for (int d = 29; d >= 0; d--) {
                ledger.add(new LedgerDay(id, SCAN.minusDays(d), usageType, operation,
                        BigDecimal.valueOf(hoursPerDay), cost, cost, currency, committed, tags));
            }
            return cost;
        }

        static BigDecimal money(double v) {
            return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN);
        }

        void truth(String detector, BigDecimal dailyExpected, BigDecimal dailyLow) {
            findings.add(detector);
            truthExpected.put(detector, dailyExpected.multiply(MONTH));
            truthLow.put(detector, dailyLow.multiply(MONTH));
        }

        // -------------------------------------------------------------------------------------- compute

        enum Load { IDLE, IDLE_RESIZED, OVERSIZED, BUSY, BATCH, SEASONAL, MEMORY_BOUND, AGENT_GAP }

        InventoryItem compute(String size, double hourly, Load load, boolean reserved, Map<String, String> attrs) {
            BigDecimal daily;
            if (load == Load.IDLE_RESIZED) {
                // m5.2xlarge until six days ago, m5.xlarge since: two sizes billed in the grace window.
                for (int d = 29; d >= 0; d--) {
                    boolean after = d < 6;
                    BigDecimal c = money(24 * (after ? hourly : hourly * 2));
                    ledger.add(new LedgerDay(id, SCAN.minusDays(d), "BoxUsage:" + (after ? size : "m5.2xlarge"), "RunInstances",
                            BigDecimal.valueOf(24), c, c, currency, false, tags));
                }
                daily = money(24 * hourly);
            } else {
                // A reservation covers the whole instance: effective is the amortized rate (40 % off list).
                daily = money(24 * hourly * (reserved ? 0.6 : 1.0));
                BigDecimal list = money(24 * hourly);
                for (int d = 29; d >= 0; d--) {
                    ledger.add(new LedgerDay(id, SCAN.minusDays(d), "BoxUsage:" + size, "RunInstances",
                            BigDecimal.valueOf(24), daily, list, currency, reserved, tags));
                }
            }
            // Seven in ten hosts run a memory agent; the memory-bound confounder always does (that is its point).
            boolean memory = load == Load.MEMORY_BOUND || rnd.nextInt(10) < 7;
            metrics(load, memory);
            boolean nonProd = "dev".equals(tags.get("env"));
            switch (load) {
                case IDLE -> {
                    if (!tags.containsKey("dr")) truth(Detectors.COMPUTE_IDLE, daily, reserved ? BigDecimal.ZERO : daily);
                }
                case OVERSIZED -> {
                    BigDecimal half = daily.multiply(new BigDecimal("0.5"));
                    truth(Detectors.COMPUTE_OVERPROVISIONED, half, half);
                }
                case AGENT_GAP -> {
                    insufficient.add(Detectors.COMPUTE_IDLE);
                    insufficient.add(Detectors.COMPUTE_OVERPROVISIONED);
                }
                default -> { }
            }
            if (nonProd) {
                BigDecimal off = daily.multiply(BigDecimal.ONE.subtract(new BigDecimal("60").divide(
                        new BigDecimal("168"), 10, RoundingMode.HALF_EVEN)));
                truth(Detectors.NONPROD_ALWAYS_ON, off, off);
            }
            return item(ResourceKind.COMPUTE_INSTANCE, "running", size, null, 400, 200, attrs);
        }

        InventoryItem prevGen() {
            // Previous-generation list price → same size current generation (us-east-1 on-demand, Linux).
            // m3.medium has no same-size m5: still a finding, but with no savings figure (the truth has none either).
            String[][] fams = {{"m4.large", "0.100", "0.096"}, {"c4.large", "0.100", "0.085"},
                    {"t2.medium", "0.0464", "0.0416"}, {"r4.large", "0.133", "0.126"}, {"m4.2xlarge", "0.40", "0.384"},
                    {"c3.xlarge", "0.21", "0.17"}, {"i2.xlarge", "0.853", "0.312"}, {"m3.medium", "0.067", null}};
            String[] f = fams[rnd.nextInt(fams.length)];
            double old = Double.parseDouble(f[1]);
            BigDecimal daily = bill("BoxUsage:" + f[0], "RunInstances", 24, 24 * old, false);
            metrics(Load.BUSY, true);
            if (f[2] == null) {
                findings.add(Detectors.COMPUTE_PREVGEN);
            } else {
                BigDecimal saved = daily.multiply(BigDecimal.valueOf(1 - Double.parseDouble(f[2]) / old));
                truth(Detectors.COMPUTE_PREVGEN, saved, saved);
            }
            return item(ResourceKind.COMPUTE_INSTANCE, "running", f[0], null, 400, 200, Map.of());
        }

        InventoryItem stoppedInstance() {
            return item(ResourceKind.COMPUTE_INSTANCE, "stopped", "m5.xlarge", null, 400, 60, Map.of());
        }

        InventoryItem interAz() {
            bill("BoxUsage:m5.xlarge", "RunInstances", 24, 24 * 0.192, false);
            BigDecimal az = bill("DataTransfer-Regional-Bytes", "InterZone-Out", 0, between(4, 10), false);
            metrics(Load.BUSY, true);
            BigDecimal fixable = az.multiply(BigDecimal.valueOf(between(0.5, 1.0)));
            truth(Detectors.NET_INTERAZ, fixable, fixable);
            return item(ResourceKind.COMPUTE_INSTANCE, "running", "m5.xlarge", null, 400, 200, Map.of());
        }

        void metrics(Load load, boolean memory) {
            if (peer) return; // an application's other members are read for their shape, never judged
            int gapDays = load == Load.IDLE || load == Load.OVERSIZED ? (rnd.nextInt(10) == 0 ? between(1, 2) : 0) : 0;
            List<Integer> gaps = new ArrayList<>();
            for (int g = 0; g < gapDays; g++) gaps.add(between(0, 13));
            for (int d = 13; d >= 0; d--) {
                LocalDate day = SCAN.minusDays(d);
                if (gaps.contains(d)) continue;
                if (load == Load.AGENT_GAP && d > 2) continue;
                boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                for (int h = 0; h < 24; h++) {
                    double avg;
                    double peak;
                    long net;
                    double mem;
                    switch (load) {
                        case IDLE, IDLE_RESIZED, AGENT_GAP -> {
                            avg = between(0.3, 2.5);
                            peak = avg + between(0, 3);
                            net = (long) between(5_000, 90_000);
                            mem = between(10, 20);
                        }
                        case OVERSIZED -> {
                            avg = between(8, 15);
                            peak = Math.min(avg + between(0, 10), 25);
                            net = (long) between(5_000_000, 50_000_000);
                            mem = between(12, 27); // peak memory + 2 stays under 30 (fits half the size with 30 % headroom)
                        }
                        case BATCH -> {
                            boolean burst = h == 2 || h == 3;
                            avg = burst ? between(85, 95) : between(1, 3);
                            peak = burst ? Math.min(avg + 4, 99) : avg + 1;
                            net = burst ? 1_000_000 : 20_000;
                            mem = burst ? 60 : 20;
                        }
                        case SEASONAL -> {
                            boolean office = !weekend && h >= 8 && h < 20;
                            avg = office ? between(30, 50) : between(6, 10);
                            peak = office ? avg + between(5, 20) : avg + between(1, 8);
                            net = office ? 400_000_000L : 20_000_000L;
                            mem = office ? 70 : 45;
                        }
                        case MEMORY_BOUND -> {
                            avg = between(5.5, 9);
                            peak = avg + between(2, 9);
                            net = 30_000_000L;
                            mem = between(80, 92);
                        }
                        default -> {
                            avg = between(35, 55);
                            peak = avg + between(10, 35);
                            net = (long) between(100_000_000, 900_000_000);
                            mem = between(60, 85);
                        }
                    }
                    Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * h);
                    samples.add(percent(MetricName.CPU_UTILIZATION, start, avg, peak));
                    samples.add(bytes(MetricName.NETWORK_IN, start, net / 2));
                    samples.add(bytes(MetricName.NETWORK_OUT, start, net - net / 2));
                    if (memory) samples.add(percent(MetricName.MEMORY_UTILIZATION, start, mem, Math.min(mem + 2, 100)));
                }
            }
        }

        MetricSample percent(MetricName m, Instant start, double avg, double max) {
            return new MetricSample(id, m, start, 3600, BigDecimal.valueOf(Math.round(avg * 100), 2),
                    BigDecimal.valueOf(Math.round(Math.min(max, 100) * 100), 2), null);
        }

        MetricSample bytes(MetricName m, Instant start, long v) {
            BigDecimal b = BigDecimal.valueOf(v);
            return new MetricSample(id, m, start, 3600, b, b, b);
        }

        // -------------------------------------------------------------------------------------- storage

        InventoryItem volume(String type, double sizeGiB, String state, String attachedTo, double daysInState,
                             Map<String, String> extra) {
            int gib = (int) sizeGiB;
            double perGbMonth = type.equals("gp2") ? 0.10 : 0.08;
            BigDecimal daily = bill("EBS:VolumeUsage." + type, "CreateVolume-Gp" + type.substring(2), 0,
                    gib * perGbMonth / MONTH.doubleValue(), false);
            Map<String, String> attrs = new HashMap<>(extra);
            attrs.put("volumeSizeGiB", Integer.toString(gib));
            int inState = (int) daysInState;
            switch (template) {
                case "ebs-unattached" -> truth(Detectors.EBS_UNATTACHED, daily, daily);
                case "stopped-storage" -> truth(Detectors.STOPPED_STORAGE, daily, daily);
                case "gp2" -> {
                    BigDecimal d = daily.multiply(new BigDecimal("0.2"));
                    truth(Detectors.EBS_GP2, d, d);
                }
                default -> { }
            }
            // A young volume was created when it entered its state; the others are a month older than their state.
            int age = template.equals("c:young-volume") ? inState : inState + 30;
            return item(ResourceKind.BLOCK_VOLUME, state, type, attachedTo, age, inState, attrs);
        }

        InventoryItem snapshot(boolean ofImage) {
            int gib = between(20, 500);
            BigDecimal daily = bill("EBS:SnapshotUsage", "CreateSnapshot", 0, gib * 0.05 / MONTH.doubleValue(), false);
            Map<String, String> attrs = new HashMap<>();
            attrs.put("sourceVolumePresent", "false");
            if (ofImage) attrs.put("referencedByImage", "true");
            else truth(Detectors.SNAPSHOT_ORPHAN, daily, daily);
            int age = between(100, 400);
            return item(ResourceKind.VOLUME_SNAPSHOT, "completed", null, null, age, age, attrs);
        }

        InventoryItem eip(boolean inventory) {
            BigDecimal daily = bill("PublicIPv4:IdleAddress", "AssociateAddress", 24, 24 * 0.005, false);
            truth(Detectors.EIP_IDLE, daily, daily);
            if (!inventory) return null;
            return item(ResourceKind.PUBLIC_IP, "unassociated", null, null, 400, between(8, 100), Map.of());
        }

        enum Traffic { IDLE, SEASONAL }

        InventoryItem loadBalancer(Traffic traffic, boolean withMetrics) {
            BigDecimal hours = bill("LoadBalancerUsage", "LoadBalancing:Application", 24, 24 * 0.0225, false);
            BigDecimal daily = hours;
            if (withMetrics) {
                daily = daily.add(bill("LCUUsage", "LoadBalancing:Application", 0, traffic == Traffic.IDLE ? 0.01 : 2.5,
                        false));
                for (int d = 13; d >= 0; d--) {
                    LocalDate day = SCAN.minusDays(d);
                    boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                    for (int h = 0; h < 24; h++) {
                        long requests = traffic == Traffic.IDLE ? (rnd.nextInt(8) == 0 ? between(0, 5) : 0)
                                : weekend ? (rnd.nextInt(6) == 0 ? 1 : 0) : between(500, 3000);
                        Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * h);
                        BigDecimal b = BigDecimal.valueOf(requests);
                        samples.add(new MetricSample(id, MetricName.REQUEST_COUNT, start, 3600, b, b, b));
                    }
                }
            }
            if (traffic == Traffic.IDLE) truth(Detectors.LB_IDLE, daily, daily);
            return item(ResourceKind.LOAD_BALANCER, "active", null, null, 400, 400, Map.of());
        }

        InventoryItem nat(boolean heavy) {
            BigDecimal hours = bill("NatGateway-Hours", "NatGateway", 24, 24 * 0.045, false);
            BigDecimal bytes = bill("NatGateway-Bytes", "NatGateway", 0, heavy ? between(20, 80) : between(0.5, 4), false);
            if (heavy) {
                BigDecimal s3 = bytes.multiply(BigDecimal.valueOf(between(0.2, 0.9)));
                truth(Detectors.NET_NAT_HEAVY, s3, s3);
            }
            return item(ResourceKind.NAT_GATEWAY, "available", null, null, 400, 400, Map.of());
        }

        InventoryItem database(boolean multiAz, boolean nonProd) {
            BigDecimal inst = bill(multiAz ? "Multi-AZUsage:db.m5.large" : "InstanceUsage:db.m5.large",
                    "CreateDBInstance", 24, 24 * (multiAz ? 0.342 : 0.171), false);
            BigDecimal storage = bill(multiAz ? "RDS:Multi-AZ-GP2-Storage" : "RDS:GP2-Storage", "CreateDBInstance", 0,
                    100 * (multiAz ? 0.23 : 0.115) / MONTH.doubleValue(), false);
            if (nonProd) {
                BigDecimal half = inst.add(storage).multiply(new BigDecimal("0.5"));
                truth(Detectors.RDS_MULTIAZ_NONPROD, half, half);
                BigDecimal off = inst.add(storage).multiply(BigDecimal.ONE.subtract(new BigDecimal("60").divide(
                        new BigDecimal("168"), 10, RoundingMode.HALF_EVEN)));
                truth(Detectors.NONPROD_ALWAYS_ON, off, off);
            }
            return item(ResourceKind.DATABASE_INSTANCE, "available", "db.m5.large", null, 400, 200,
                    Map.of("multiAz", Boolean.toString(multiAz)));
        }

        InventoryItem multiZone() {
            tags = Map.of("env", "test", "team", "catalog");
            bill("EKS:Pod-vCPU-Hours", "RunPod", 24, 6.0, false);
            BigDecimal az = bill("DataTransfer-Regional-Bytes", "InterZone-In", 0, between(0.5, 2.5), false);
            BigDecimal fixable = az.multiply(BigDecimal.valueOf(between(0.4, 1.0)));
            truth(Detectors.MULTIZONE_NONPROD, fixable, fixable);
            return item(ResourceKind.KUBERNETES_WORKLOAD, "running", null, null, 400, 200, Map.of("zoneCount", "3"));
        }

        /** A licence pool; {@code fullyUsed}: at most 2 of 50 seats idle (below every profile's unused share). */
        InventoryItem seats(boolean fullyUsed) {
            int purchased = 50;
            int active = fullyUsed ? between(48, 52) : between(10, 38);
            BigDecimal daily = bill("Seats:Enterprise", "Subscription", 0, purchased * 20.0 / MONTH.doubleValue(), false);
            BigDecimal unused = daily.multiply(BigDecimal.valueOf(purchased - active))
                    .divide(BigDecimal.valueOf(purchased), 10, RoundingMode.HALF_EVEN);
            if (!fullyUsed) truth(Detectors.SAAS_UNUSED_SEATS, unused, unused);
            return new InventoryItem("github", "acme-github", null, null, id, ResourceKind.SAAS_SUBSCRIPTION, "active",
                    "enterprise", null, ago(400), ago(400), tags,
                    Map.of("seatsPurchased", Integer.toString(purchased), "seatsActive", Integer.toString(active)),
                    ago(0));
        }
    }
}
