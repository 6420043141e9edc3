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
package dev.outlay.carbon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * kWh and kgCO2e of usage lines under one factor set (Cloud Carbon Footprint method):
 * <ul>
 *   <li>compute: vCPU-hours × (min W + utilization × (max W − min W)) ÷ 1000</li>
 *   <li>storage: TB-hours (replication applied) × Wh per TB-hour of the medium ÷ 1000</li>
 *   <li>GPUs of an accelerated instance (method 2): GPU-hours × (min W + default utilization × (max W − min W)) ÷ 1000</li>
 *   <li>networking: GB × kWh per GB; memory: GB-hours × kWh per GB-hour</li>
 * </ul>
 * each × the provider's PUE, then kgCO2e = kWh × grid gCO2e/kWh of the row's region ÷ 1000. Line results are exact
 * (bar the GB-second division, {@link UsageClassifier#SCALE}); group figures are rounded once, HALF_EVEN to
 * {@link #SCALE} decimals, so the same lines and factor set give the same numbers in any order.
 */
public final class CarbonEstimator {

    /** Version of the classification rules and formulas; every output names it next to the factor set's version. */
    public static final String METHOD_VERSION = "ccf-outlay-2";
    public static final int SCALE = 6;
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final Comparator<List<String>> GROUP_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Comparator.<String>nullsFirst(Comparator.naturalOrder()).compare(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    };

    private CarbonEstimator() {
    }

    public static CarbonEstimate estimate(FactorSet factors, List<UsageLine> lines) {
        Objects.requireNonNull(factors, "factors");
        Map<List<String>, Acc> groups = new TreeMap<>(GROUP_ORDER);
        Map<UnKey, long[]> unRows = new TreeMap<>();
        Map<UnKey, BigDecimal> unCost = new TreeMap<>();
        for (UsageLine line : lines) {
            String key = UsageClassifier.providerKey(line.provider());
            ProviderFactors f = key == null ? null : factors.providers().get(key);
            Classification c = f == null ? Classification.unestimated(Unestimated.PROVIDER_NOT_COVERED) : UsageClassifier.classify(line, f);
            if (!c.estimated()) {
                UnKey k = new UnKey(line.group(), c.reason(), line.currency() == null ? "" : line.currency());
                unRows.computeIfAbsent(k, x -> new long[1])[0] += line.rows();
                unCost.merge(k, line.cost() == null ? BigDecimal.ZERO : line.cost(), BigDecimal::add);
                continue;
            }
            BigDecimal kwh = kwh(c, f).multiply(f.pue());
            BigDecimal gpuKwh = c.hasGpus() ? gpuKwh(c).multiply(f.pue()) : BigDecimal.ZERO;
            BigDecimal grid = line.region() == null ? null : f.gridGramsPerKwh().get(line.region().trim().toLowerCase(java.util.Locale.ROOT));
            boolean regionDefaulted = grid == null;
            if (grid == null) grid = f.unknownRegionGramsPerKwh();
            Acc acc = groups.computeIfAbsent(line.group(), g -> new Acc());
            acc.kwh.merge(c.kind(), kwh, BigDecimal::add);
            if (c.hasGpus()) acc.kwh.merge(UsageKind.GPU, gpuKwh, BigDecimal::add);
            acc.kg = acc.kg.add(kwh.add(gpuKwh).multiply(grid).divide(THOUSAND));
            acc.rows += line.rows();
            if (regionDefaulted) acc.regionDefaulted += line.rows();
            if (c.kind() == UsageKind.COMPUTE && c.utilizationDefaulted()) acc.utilizationDefaulted += line.rows();
        }
        List<CarbonGroup> out = new ArrayList<>();
        BigDecimal totalKwh = BigDecimal.ZERO;
        BigDecimal totalKg = BigDecimal.ZERO;
        long estimated = 0;
        for (Map.Entry<List<String>, Acc> e : groups.entrySet()) {
            Acc a = e.getValue();
            BigDecimal compute = a.kwh.getOrDefault(UsageKind.COMPUTE, BigDecimal.ZERO);
            BigDecimal storage = a.kwh.getOrDefault(UsageKind.STORAGE_SSD, BigDecimal.ZERO).add(a.kwh.getOrDefault(UsageKind.STORAGE_HDD, BigDecimal.ZERO));
            BigDecimal network = a.kwh.getOrDefault(UsageKind.NETWORK, BigDecimal.ZERO);
            BigDecimal memory = a.kwh.getOrDefault(UsageKind.MEMORY, BigDecimal.ZERO);
            BigDecimal gpu = a.kwh.getOrDefault(UsageKind.GPU, BigDecimal.ZERO);
            BigDecimal all = compute.add(storage).add(network).add(memory).add(gpu);
            totalKwh = totalKwh.add(all);
            totalKg = totalKg.add(a.kg);
            estimated += a.rows;
            out.add(new CarbonGroup(e.getKey(), round(compute), round(storage), round(network), round(memory), round(gpu), round(all), round(a.kg),
                    a.rows, a.regionDefaulted, a.utilizationDefaulted));
        }
        List<UnestimatedUsage> un = new ArrayList<>();
        long unestimated = 0;
        for (Map.Entry<UnKey, long[]> e : unRows.entrySet()) {
            UnKey k = e.getKey();
            un.add(new UnestimatedUsage(k.group, k.reason, k.currency.isEmpty() ? null : k.currency, e.getValue()[0], unCost.get(k)));
            unestimated += e.getValue()[0];
        }
        return new CarbonEstimate(METHOD_VERSION, List.copyOf(out), List.copyOf(un), round(totalKwh), round(totalKg), estimated, unestimated);
    }

    /** Energy at the server, before PUE. */
    static BigDecimal kwh(Classification c, ProviderFactors f) {
        return switch (c.kind()) {
            case COMPUTE -> {
                WattRange w = c.wattRange();
                BigDecimal watts = w.min().add(c.utilization().multiply(w.max().subtract(w.min())));
                yield c.quantity().multiply(watts).divide(THOUSAND);
            }
            case STORAGE_SSD -> c.quantity().multiply(f.ssdWhPerTbHour()).divide(THOUSAND);
            case STORAGE_HDD -> c.quantity().multiply(f.hddWhPerTbHour()).divide(THOUSAND);
            case NETWORK -> c.quantity().multiply(f.networkKwhPerGb());
            case MEMORY -> c.quantity().multiply(f.memoryKwhPerGbHour());
            case GPU -> throw new IllegalArgumentException("GPU energy is a compute line's part, see gpuKwh");
        };
    }

    /** Energy of an accelerated instance's GPUs at the server, before PUE. */
    static BigDecimal gpuKwh(Classification c) {
        WattRange w = c.gpuWatts();
        BigDecimal watts = w.min().add(c.gpuUtilization().multiply(w.max().subtract(w.min())));
        return c.gpuHours().multiply(watts).divide(THOUSAND);
    }

    private static BigDecimal round(BigDecimal v) {
        return v.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    private static final class Acc {
        final Map<UsageKind, BigDecimal> kwh = new EnumMap<>(UsageKind.class);
        BigDecimal kg = BigDecimal.ZERO;
        long rows;
        long regionDefaulted;
        long utilizationDefaulted;
    }

    private record UnKey(List<String> group, Unestimated reason, String currency) implements Comparable<UnKey> {
        @Override
        public int compareTo(UnKey o) {
            int c = GROUP_ORDER.compare(group, o.group);
            if (c != 0) return c;
            c = reason.compareTo(o.reason);
            return c != 0 ? c : currency.compareTo(o.currency);
        }
    }
}
