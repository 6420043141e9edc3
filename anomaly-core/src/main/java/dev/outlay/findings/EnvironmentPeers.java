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
import dev.outlay.model.inventory.ResourceKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cross-resource signal of a scan: which resources form one application's environments, and how each
 * non-production environment's shape compares with production's. Built once per scan from every resource's facts,
 * before the per-resource rows; {@link FindingFacts#row} reads a resource's {@link EnvironmentShape} from it.
 *
 * <p>Grouping key: provider, the application tag ({@code application}, {@code app} or {@code product}, the first
 * present, case-insensitive key, lowercased value) and the environment tag ({@code env}, {@code environment},
 * {@code stage}, {@code tier}, as {@link FindingFacts} reads it). The allocation's normalized dimensions are the
 * same tags, so a team's allocation and its environments agree. Members are running (not stopped) compute and
 * database instances the inventory lists with a size: the resources whose size and hours make an environment's
 * cost. Which environment values are production is the profile's {@code prodEnvs} list, so shapes are compared per
 * profile (memoized; a scan uses one profile).
 */
public final class EnvironmentPeers {

    public static final List<String> APPLICATION_KEYS = List.of("application", "app", "product");
    private static final Set<ResourceKind> SHAPE_KINDS = Set.of(ResourceKind.COMPUTE_INSTANCE,
            ResourceKind.DATABASE_INSTANCE);
    private static final Set<String> NOT_RUNNING = Set.of("stopped", "stopping", "terminated", "shutting-down",
            "deleted", "deallocated");
    private static final BigDecimal DAY = BigDecimal.valueOf(24);
    private static final BigDecimal WINDOW_HOURS = BigDecimal.valueOf(24L * FindingFacts.ALWAYS_ON_DAYS);

    /** One member: its group, its shape key and its capped billed hours of the last 28 days (null: not billed). */
    private record Member(String provider, String application, String environment, String shapeKey, BigDecimal hours) {
    }

    private final Map<String, Member> members;
    private final Map<List<String>, Map<String, EnvironmentShape>> byProdList = new ConcurrentHashMap<>();

    private EnvironmentPeers(Map<String, Member> members) {
        this.members = members;
    }

    /** From every resource of the scan; resources that are not members (no tags, no size, stopped) are skipped. */
    public static EnvironmentPeers of(Collection<ResourceFacts> facts, LocalDate scanDate) {
        Map<String, Member> out = new TreeMap<>();
        LocalDate from = scanDate.minusDays(FindingFacts.ALWAYS_ON_DAYS - 1L);
        for (ResourceFacts f : facts) {
            InventoryItem item = f.item();
            if (item == null || !SHAPE_KINDS.contains(item.kind()) || item.size() == null || item.size().isBlank()) continue;
            if (item.state() != null && NOT_RUNNING.contains(item.state().strip().toLowerCase(Locale.ROOT))) continue;
            String app = application(item.tags());
            String env = FindingFacts.environment(item.tags());
            if (app.isEmpty() || env.isEmpty()) continue;
            out.put(f.resourceId(), new Member(item.provider().toLowerCase(Locale.ROOT), app, env,
                    item.kind().wireName() + " " + item.size().strip().toLowerCase(Locale.ROOT),
                    hours(f, from, scanDate)));
        }
        return new EnvironmentPeers(out);
    }

    /** The application tag's value, lowercased, or "" when the resource carries none. */
    public static String application(Map<String, String> tags) {
        return FindingFacts.firstTag(tags, APPLICATION_KEYS);
    }

    /**
     * The shape of the resource's environment against production, or empty when the resource is no member, is itself
     * in production, or its application has no production members.
     */
    public Optional<EnvironmentShape> shape(String resourceId, List<String> prodEnvs) {
        Member m = members.get(resourceId);
        if (m == null) return Optional.empty();
        return Optional.ofNullable(byProdList.computeIfAbsent(prodEnvs, this::shapes).get(resourceId));
    }

    private Map<String, EnvironmentShape> shapes(List<String> prodEnvs) {
        Set<String> prod = new TreeSet<>();
        prodEnvs.forEach(e -> prod.add(e.strip().toLowerCase(Locale.ROOT)));
        // group key "provider\u001fapplication\u001fenvironment", production merged into one group per application
        Map<String, Map<String, Integer>> shapeOf = new HashMap<>();
        Map<String, BigDecimal[]> hoursOf = new HashMap<>();
        members.values().forEach(m -> {
            String key = key(m, prod);
            shapeOf.computeIfAbsent(key, k -> new TreeMap<>()).merge(m.shapeKey(), 1, Integer::sum);
            BigDecimal[] h = hoursOf.computeIfAbsent(key, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            if (m.hours() != null) {
                h[0] = h[0].add(m.hours());
                h[1] = h[1].add(BigDecimal.ONE);
            }
        });
        Map<String, EnvironmentShape> out = new HashMap<>();
        members.forEach((id, m) -> {
            if (prod.contains(m.environment())) return;
            Map<String, Integer> prodShape = shapeOf.get(m.provider() + "\u001f" + m.application() + "\u001f\u0000prod");
            if (prodShape == null) return;
            String key = key(m, prod);
            Map<String, Integer> own = shapeOf.get(key);
            BigDecimal[] h = hoursOf.get(key);
            BigDecimal share = h[1].signum() == 0 ? null
                    : h[0].divide(WINDOW_HOURS.multiply(h[1]), 2, RoundingMode.HALF_EVEN);
            out.put(id, new EnvironmentShape(m.application(), m.environment(), count(own), count(prodShape),
                    similarity(own, prodShape), share));
        });
        return Map.copyOf(out);
    }

    private static String key(Member m, Set<String> prod) {
        String env = prod.contains(m.environment()) ? "\u0000prod" : m.environment();
        return m.provider() + "\u001f" + m.application() + "\u001f" + env;
    }

    private static int count(Map<String, Integer> shape) {
        return shape.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Multiset Jaccard: same kinds, same sizes and the same counts give 1; one of two sizes missing gives 0.5. */
    static BigDecimal similarity(Map<String, Integer> a, Map<String, Integer> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        int shared = 0;
        int all = 0;
        for (String k : keys) {
            int x = a.getOrDefault(k, 0);
            int y = b.getOrDefault(k, 0);
            shared += Math.min(x, y);
            all += Math.max(x, y);
        }
        return all == 0 ? new BigDecimal("0.00")
                : BigDecimal.valueOf(shared).divide(BigDecimal.valueOf(all), 2, RoundingMode.HALF_EVEN);
    }

    /** Billed hours per day capped at 24 over the window, or null when the resource has no ledger row in it. */
    private static BigDecimal hours(ResourceFacts f, LocalDate from, LocalDate to) {
        Map<LocalDate, BigDecimal> perDay = new HashMap<>();
        boolean billed = false;
        for (LedgerDay r : f.ledger()) {
            if (!r.resourceId().equals(f.resourceId()) || r.day().isBefore(from) || r.day().isAfter(to)) continue;
            billed = true;
            if (r.hours().signum() > 0) perDay.merge(r.day(), r.hours(), BigDecimal::add);
        }
        if (!billed) return null;
        return perDay.values().stream().map(h -> h.min(DAY)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
