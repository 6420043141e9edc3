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
package dev.outlay.findings;

import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.MetricName;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Builds the one input row the DRL rule sets judge for a resource: its signals next to the profile's thresholds.
 *
 * <p>The row carries no resource id and no money beyond what rules compare (shares, ratios, whole-unit amounts,
 * rounded hours), so resources with equal signals are one logged decision, and every number threshold of the profile
 * is in it, so a logged decision replays on its own without the profile. Every key is always present; unknown values
 * are null (never 0, which a rule would read as "idle"). List thresholds (waiver tags, non-prod environments,
 * previous-generation families) are applied here and arrive as their result ({@code waiverTag}, {@code nonProd},
 * {@code prevGen}).
 */
public final class FindingFacts {

    public static final int METRIC_WINDOW_DAYS = 14;
    public static final int BILLING_WINDOW_DAYS = 30;
    /** Idle public IPv4 hours are counted over the last week (168 h = continuously idle). */
    public static final int IDLE_IP_DAYS = 7;
    /** Always-on is judged over four whole weeks. */
    public static final int ALWAYS_ON_DAYS = 28;

    private static final List<String> ENV_KEYS = List.of("env", "environment", "stage", "tier");
    /** Profile lists parsed once per distinct list (a scan reuses one profile for every resource). */
    private static final Map<List<String>, Map<String, Set<String>>> WAIVERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<List<String>, Set<String>> LOWER = new java.util.concurrent.ConcurrentHashMap<>();

    private FindingFacts() {
    }

    public static Map<String, Object> row(ResourceFacts facts, ThresholdProfile profile, LocalDate scanDate) {
        Map<String, Object> row = new TreeMap<>();
        row.put("profile", profile.name());
        row.put("profileVersion", profile.versionHash() == null ? "" : profile.versionHash());
        row.putAll(profile.numbers());
        InventoryItem item = facts.item();
        List<LedgerDay> ledger = facts.ledger().stream().filter(r -> r.resourceId().equals(facts.resourceId())).toList();
        inventory(row, item, ledger, profile, scanDate);
        billing(row, ledger, scanDate);
        metrics(row, facts, profile, scanDate);
        environment(row, facts, profile);
        return row;
    }

    // ------------------------------------------------------------------------------------ environment shape

    /** The resource's environment against its application's production ({@link EnvironmentPeers}); null = unknown. */
    private static void environment(Map<String, Object> row, ResourceFacts facts, ThresholdProfile profile) {
        // A tenant's profile version from before prodEnvs existed compares nothing: every shape input stays unknown.
        EnvironmentShape s = facts.peers() == null || !(profile.thresholds().get("prodEnvs") instanceof List<?>) ? null
                : facts.peers().shape(facts.resourceId(), profile.list("prodEnvs")).orElse(null);
        row.put("envMembers", s == null ? null : BigDecimal.valueOf(s.members()));
        row.put("prodMembers", s == null ? null : BigDecimal.valueOf(s.prodMembers()));
        row.put("prodShapeSimilarity", s == null ? null : s.similarity());
        row.put("envAlwaysOnShare", s == null ? null : s.alwaysOnShare());
    }

    // ---------------------------------------------------------------------------------------------- inventory

    private static void inventory(Map<String, Object> row, InventoryItem item, List<LedgerDay> ledger,
                                  ThresholdProfile profile, LocalDate scanDate) {
        int resizeDays = profile.integer("resizeGraceDays");
        InventorySignals signals = new InventorySignals(WAIVERS.computeIfAbsent(profile.list("waiverTags"),
                FindingFacts::waiverMap), resizeDays);
        Map<String, String> tags = item != null ? item.tags() : latestTags(ledger);
        String waiver;
        int sizesBilled;
        row.put("hasInventory", item != null);
        if (item != null) {
            InventorySignal s = signals.signal(item, ledger, scanDate);
            waiver = s.waiverTag();
            sizesBilled = s.sizesBilledRecently();
            row.put("kind", item.kind().wireName());
            row.put("provider", item.provider());
            row.put("state", item.state() == null ? "" : item.state().toLowerCase(Locale.ROOT));
            row.put("attached", s.attached());
            row.put("ageDays", s.ageDays() < 0 ? null : BigDecimal.valueOf(s.ageDays()));
            row.put("daysInState", s.daysInState() < 0 ? null : BigDecimal.valueOf(s.daysInState()));
        } else {
            waiver = signals.waiverTag(tags);
            sizesBilled = sizesBilled(ledger, scanDate.minusDays(resizeDays), scanDate);
            row.put("kind", "unknown");
            row.put("provider", "unknown");
            row.put("state", "");
            row.put("attached", null);
            row.put("ageDays", null);
            row.put("daysInState", null);
        }
        row.put("waiverTag", waiver == null ? "" : waiver);
        row.put("resizedRecently", sizesBilled > 1);
        String env = environment(tags);
        row.put("environment", env);
        row.put("nonProd", !env.isEmpty() && lower(profile.list("nonProdEnvs")).contains(env));

        String size = item == null ? null : item.size();
        Map<String, String> attrs = item == null ? Map.of() : item.attributes();
        var step = SizeLadder.down(size);
        row.put("sizeRatio", step.map(SizeLadder.Step::ratio).orElse(null));
        boolean prevGenAttr = "false".equalsIgnoreCase(attrs.get("currentGeneration"));
        row.put("prevGen", size != null && (prevGenAttr
                || lower(profile.list("prevGenFamilies")).contains(SizeLadder.family(size))));
        row.put("volumeType", size == null ? "" : size.toLowerCase(Locale.ROOT));
        row.put("volumeSizeGiB", number(attrs.get("volumeSizeGiB")));
        row.put("attachedInstanceState", lowerOrEmpty(attrs.get("attachedInstanceState")));
        row.put("attachedInstanceStoppedDays", number(attrs.get("attachedInstanceStoppedDays")));
        String sourcePresent = attrs.get("sourceVolumePresent");
        row.put("sourcePresent", item == null ? null
                : sourcePresent != null ? Boolean.valueOf("true".equalsIgnoreCase(sourcePresent))
                : Boolean.valueOf(item.attachedTo() != null && !item.attachedTo().isBlank()));
        row.put("referencedByImage", "true".equalsIgnoreCase(attrs.get("referencedByImage"))
                || (attrs.get("imageId") != null && !attrs.get("imageId").isBlank()));
        row.put("multiAzAttribute", "true".equalsIgnoreCase(attrs.get("multiAz")));
        row.put("zoneCount", number(attrs.get("zoneCount")));
        BigDecimal purchased = number(attrs.get("seatsPurchased"));
        BigDecimal active = number(attrs.get("seatsActive"));
        boolean seats = purchased != null && active != null && purchased.signum() > 0;
        row.put("hasSeatData", seats);
        row.put("seatsPurchased", seats ? purchased : null);
        row.put("seatsActive", seats ? active : null);
        row.put("unusedSeatShare", seats ? unusedSeatShare(purchased, active) : null);
    }

    static BigDecimal unusedSeatShare(BigDecimal purchased, BigDecimal active) {
        BigDecimal unused = purchased.subtract(active).max(BigDecimal.ZERO);
        return unused.divide(purchased, 2, RoundingMode.HALF_EVEN);
    }

    static Map<String, Set<String>> waiverMap(List<String> entries) {
        Map<String, Set<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> anyValue = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String e : entries) {
            int eq = e.indexOf('=');
            String key = (eq < 0 ? e : e.substring(0, eq)).strip();
            if (key.isEmpty()) continue;
            if (eq < 0) {
                anyValue.add(key);
                out.put(key, Set.of());
            } else if (!anyValue.contains(key)) {
                Set<String> values = new TreeSet<>(out.getOrDefault(key, Set.of()));
                values.add(e.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
                out.put(key, values);
            }
        }
        return out;
    }

    private static Map<String, String> latestTags(List<LedgerDay> ledger) {
        return ledger.stream().filter(r -> !r.tags().isEmpty()).max(Comparator.comparing(LedgerDay::day))
                .map(LedgerDay::tags).orElse(Map.of());
    }

    static String environment(Map<String, String> tags) {
        return firstTag(tags, ENV_KEYS);
    }

    /** The value of the first of {@code keys} the tags carry (case-insensitive key), lowercased; "" when none. */
    static String firstTag(Map<String, String> tags, List<String> keys) {
        Map<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(tags);
        for (String k : keys) {
            String v = ci.get(k);
            if (v != null && !v.isBlank()) return v.strip().toLowerCase(Locale.ROOT);
        }
        return "";
    }

    private static int sizesBilled(List<LedgerDay> ledger, LocalDate from, LocalDate to) {
        Set<String> sizes = new TreeSet<>();
        for (LedgerDay r : ledger) {
            if (!r.day().isBefore(from) && !r.day().isAfter(to) && r.usageType() != null && r.hours().signum() > 0) {
                sizes.add(r.usageType());
            }
        }
        return sizes.size();
    }

    // ------------------------------------------------------------------------------------------------ billing

    /** The currency rules compare money in: the one with the largest effective cost (ties: alphabetical). */
    static String mainCurrency(List<LedgerDay> rows) {
        Map<String, BigDecimal> byCur = new TreeMap<>();
        for (LedgerDay r : rows) byCur.merge(r.currency(), r.effectiveCost(), BigDecimal::add);
        return byCur.entrySet().stream()
                .max(Comparator.comparing(Map.Entry<String, BigDecimal>::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static void billing(Map<String, Object> row, List<LedgerDay> ledger, LocalDate scanDate) {
        LocalDate from = scanDate.minusDays(BILLING_WINDOW_DAYS - 1L);
        List<LedgerDay> window = ledger.stream().filter(r -> !r.day().isBefore(from) && !r.day().isAfter(scanDate))
                .toList();
        String cur = mainCurrency(window);
        List<LedgerDay> main = cur == null ? List.of() : window.stream().filter(r -> r.currency().equals(cur)).toList();
        BigDecimal total = sum(main, UsageSignatures.ANY);
        row.put("billedDays", BigDecimal.valueOf(window.stream().map(LedgerDay::day).distinct().count()));
        row.put("billedHours", cappedHours(window, from, scanDate));
        LocalDate alwaysOnFrom = scanDate.minusDays(ALWAYS_ON_DAYS - 1L);
        row.put("hoursShare28d", cappedHours(window, alwaysOnFrom, scanDate)
                .divide(BigDecimal.valueOf(24L * ALWAYS_ON_DAYS), 2, RoundingMode.HALF_EVEN));
        LocalDate ipFrom = scanDate.minusDays(IDLE_IP_DAYS - 1L);
        row.put("idleIpHours7d", window.stream().filter(r -> !r.day().isBefore(ipFrom)).filter(UsageSignatures.IDLE_IP)
                .map(LedgerDay::hours).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(0, RoundingMode.HALF_EVEN));
        row.put("natHoursDays", BigDecimal.valueOf(window.stream().filter(UsageSignatures.NAT_HOURS)
                .map(LedgerDay::day).distinct().count()));
        row.put("natBytesCost", whole(sum(main, UsageSignatures.NAT_BYTES)));
        row.put("natHoursCost", whole(sum(main, UsageSignatures.NAT_HOURS)));
        BigDecimal interAz = sum(main, UsageSignatures.INTER_AZ);
        row.put("interAzCost", whole(interAz));
        row.put("interAzShare", share(interAz, total));
        row.put("multiAzShare", share(sum(main, UsageSignatures.MULTI_AZ), total));
        row.put("gp2Share", share(sum(main, UsageSignatures.GP2), total));
        row.put("lbTrafficBilled", main.stream().filter(UsageSignatures.LB_TRAFFIC)
                .anyMatch(r -> r.effectiveCost().signum() > 0 || r.listCost().signum() > 0));
        row.put("billingCurrency", cur == null ? "" : cur);
    }

    private static BigDecimal sum(List<LedgerDay> rows, Predicate<LedgerDay> p) {
        BigDecimal s = BigDecimal.ZERO;
        for (LedgerDay r : rows) if (p.test(r)) s = s.add(r.effectiveCost());
        return s;
    }

    /** Billed hours per day capped at 24 (two hourly usage types on one resource are not 48 h of running). */
    private static BigDecimal cappedHours(List<LedgerDay> rows, LocalDate from, LocalDate to) {
        Map<LocalDate, BigDecimal> perDay = new HashMap<>();
        for (LedgerDay r : rows) {
            if (r.day().isBefore(from) || r.day().isAfter(to) || r.hours().signum() <= 0) continue;
            perDay.merge(r.day(), r.hours(), BigDecimal::add);
        }
        BigDecimal day = BigDecimal.valueOf(24);
        return perDay.values().stream().map(h -> h.min(day)).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(0, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal whole(BigDecimal v) {
        return v.max(BigDecimal.ZERO).setScale(0, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal share(BigDecimal part, BigDecimal total) {
        if (total.signum() <= 0 || part.signum() <= 0) return new BigDecimal("0.00");
        return part.divide(total, 2, RoundingMode.HALF_EVEN).min(BigDecimal.ONE);
    }

    // ------------------------------------------------------------------------------------------------ metrics

    private static void metrics(Map<String, Object> row, ResourceFacts facts, ThresholdProfile profile,
                                LocalDate scanDate) {
        LocalDate from = scanDate.minusDays(METRIC_WINDOW_DAYS - 1L);
        List<DailyMetric> daily = facts.metrics().stream()
                .filter(d -> d.resourceId().equals(facts.resourceId()) && !d.day().isBefore(from)
                        && !d.day().isAfter(scanDate)).toList();
        boolean any = daily.stream().anyMatch(d -> d.coveredSeconds() > 0);
        row.put("hasMetrics", any);
        UtilizationSignal u = new UtilizationSignals(profile.number("idleLowCpuPercent"),
                profile.number("idleLowNetworkBytes"), profile.integer("minCompleteDays"))
                .signal(facts.resourceId(), daily, from, scanDate);
        row.put("completeDays", BigDecimal.valueOf(u.completeDays()));
        row.put("lowDays", BigDecimal.valueOf(u.lowDays()));
        row.put("cpuMax", round(u.maxCpu(), 2));
        row.put("cpuAvg", round(u.avgCpu(), 2));
        row.put("netAvgMBPerDay", u.avgNetworkBytes() == null ? null
                : u.avgNetworkBytes().divide(new BigDecimal("1000000"), 1, RoundingMode.HALF_EVEN));
        BigDecimal memMax = null;
        for (DailyMetric d : daily) {
            if (d.metric() == MetricName.MEMORY_UTILIZATION && d.complete() && d.maximum() != null) {
                memMax = memMax == null ? d.maximum() : memMax.max(d.maximum());
            }
        }
        row.put("hasMemory", memMax != null);
        row.put("memMax", round(memMax, 2));
        int lbDays = profile.integer("lbIdleDays");
        BigDecimal maxRequests = profile.number("lbIdleMaxRequestsPerDay");
        LocalDate reqFrom = scanDate.minusDays(lbDays - 1L);
        List<DailyMetric> requests = new ArrayList<>();
        for (DailyMetric d : daily) {
            if (d.metric() == MetricName.REQUEST_COUNT && d.complete() && d.sum() != null && !d.day().isBefore(reqFrom)) {
                requests.add(d);
            }
        }
        row.put("requestDays", BigDecimal.valueOf(requests.size()));
        row.put("requestLowDays", BigDecimal.valueOf(requests.stream()
                .filter(d -> d.sum().compareTo(maxRequests) < 0).count()));
    }

    private static BigDecimal round(BigDecimal v, int scale) {
        return v == null ? null : v.setScale(scale, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal number(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String lowerOrEmpty(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static Set<String> lower(List<String> values) {
        return LOWER.computeIfAbsent(values, vs -> {
            Set<String> out = new TreeSet<>();
            for (String v : vs) out.add(v.strip().toLowerCase(Locale.ROOT));
            return Set.copyOf(out);
        });
    }
}
