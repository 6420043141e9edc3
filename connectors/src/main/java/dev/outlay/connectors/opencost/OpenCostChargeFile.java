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
package dev.outlay.connectors.opencost;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One month of a cluster's OpenCost allocations as a FOCUS 1.2 CSV: an allocation view of node cost the cloud bill
 * already carries, so it must not add to it. Each allocation's non-zero resource cost is a row (ChargeCategory
 * Usage, ServiceName Kubernetes, SkuId cpu/ram/gpu/pv/network/..., tags {@code k8s-namespace},
 * {@code k8s-controller}, the workload's labels, {@code opencost-view=allocation}); each day also gets one
 * {@code Adjustment} row of minus that day's allocated cost ({@code opencost-view=offset}). So the source adds
 * exactly zero to effective cost per day and currency, while grouping or allocating by namespace, label or team
 * moves the cluster's cost from the node owner to the workloads. BilledCost is 0 on every row: the cloud bill is what
 * was invoiced. Same allocations, same bytes.
 */
public final class OpenCostChargeFile {

    static final List<String> HEADER = List.of("BillingAccountId", "BillingAccountName", "SubAccountId", "SubAccountName", "InvoiceId",
            "BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory", "ChargeFrequency",
            "ChargeDescription", "BilledCost", "EffectiveCost", "ListCost", "ContractedCost", "BillingCurrency", "ProviderName",
            "PublisherName", "InvoiceIssuerName", "ServiceCategory", "ServiceName", "ResourceId", "ResourceName", "ResourceType", "SkuId",
            "PricingCategory", "PricingQuantity", "PricingUnit", "Tags");
    public static final String VIEW_TAG = "opencost-view";

    private OpenCostChargeFile() {
    }

    /** The file, its allocated cost (the offset rows carry minus it), and the allocations and rows written. */
    public record Result(byte[] csv, int rows, BigDecimal allocated, int allocations) {
    }

    /**
     * @param accountId the cloud account whose bill carries the cluster's nodes, or the cluster's own id: the rows'
     *                  BillingAccountId (and so their replace scope with the month)
     */
    public static Result write(String accountId, String cluster, String currency, YearMonth month, List<OpenCostAllocation> allocations) {
        StringBuilder out = new StringBuilder(String.join(",", HEADER)).append('\n');
        Map<LocalDate, BigDecimal> byDay = new TreeMap<>();
        List<OpenCostAllocation> sorted = allocations.stream().filter(a -> YearMonth.from(a.day()).equals(month))
                .sorted(Comparator.comparing(OpenCostAllocation::day).thenComparing(OpenCostAllocation::name)).toList();
        int rows = 0;
        BigDecimal total = BigDecimal.ZERO;
        LocalDate open = null;
        for (OpenCostAllocation a : sorted) {
            if (open != null && !open.equals(a.day())) rows += offset(out, accountId, cluster, currency, month, open, byDay.get(open));
            open = a.day();
            for (String field : OpenCostAllocation.COSTS) {
                BigDecimal cost = a.costs().get(field);
                if (cost == null || cost.signum() == 0) continue;
                allocationRow(out, accountId, cluster, currency, month, a, field.substring(0, field.length() - "Cost".length()), cost);
                byDay.merge(a.day(), cost, BigDecimal::add);
                total = total.add(cost);
                rows++;
            }
        }
        if (open != null) rows += offset(out, accountId, cluster, currency, month, open, byDay.get(open));
        return new Result(out.toString().getBytes(StandardCharsets.UTF_8), rows, total, sorted.size());
    }

    private static void allocationRow(StringBuilder out, String accountId, String cluster, String currency, YearMonth month,
                                      OpenCostAllocation a, String sku, BigDecimal cost) {
        Map<String, String> tags = new TreeMap<>(a.labels());
        tags.put("k8s-cluster", cluster);
        if (a.namespace() != null) tags.put("k8s-namespace", a.namespace());
        if (a.controller() != null) tags.put("k8s-controller", a.controller());
        if (a.controllerKind() != null) tags.put("k8s-controller-kind", a.controllerKind());
        tags.put(VIEW_TAG, "allocation");
        String who = a.name();
        cells(out, accountId, cluster, month, a.day(), "Usage", who + ": " + sku + " (OpenCost allocation)", cost, currency,
                "Kubernetes", cluster + "/" + who, who, a.controllerKind() == null ? "Kubernetes allocation" : "Kubernetes " + a.controllerKind(),
                sku, tags);
    }

    private static int offset(StringBuilder out, String accountId, String cluster, String currency, YearMonth month, LocalDate day, BigDecimal allocated) {
        if (allocated == null || allocated.signum() == 0) return 0;
        Map<String, String> tags = new TreeMap<>();
        tags.put("k8s-cluster", cluster);
        tags.put(VIEW_TAG, "offset");
        cells(out, accountId, cluster, month, day, "Adjustment", "cluster " + cluster + ": node cost in the cloud bill, re-allocated to namespaces by OpenCost",
                allocated.negate(), currency, "Kubernetes", cluster, cluster, "Kubernetes cluster", "allocation-offset", tags);
        return 1;
    }

    private static void cells(StringBuilder out, String accountId, String cluster, YearMonth month, LocalDate day, String category,
                              String description, BigDecimal cost, String currency, String service, String resourceId, String resourceName,
                              String resourceType, String sku, Map<String, String> tags) {
        String amount = cost.toPlainString();
        List<String> cells = List.of(accountId, accountId, cluster, cluster, "", month.atDay(1) + "T00:00:00Z", month.plusMonths(1).atDay(1) + "T00:00:00Z",
                day + "T00:00:00Z", day.plusDays(1) + "T00:00:00Z", category, "Usage-Based", description, "0", amount, amount, amount, currency,
                "Kubernetes", "OpenCost", "Internal platform", "Compute", service, resourceId, resourceName, resourceType, sku, "Standard", "1",
                "Allocation", json(tags));
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append(csv(cells.get(i)));
        }
        out.append('\n');
    }

    private static String json(Map<String, String> tags) {
        StringBuilder b = new StringBuilder("{");
        tags.forEach((k, v) -> {
            if (b.length() > 1) b.append(',');
            b.append(quote(k)).append(':').append(quote(v));
        });
        return b.append('}').toString();
    }

    private static String quote(String v) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    private static String csv(String v) {
        if (v == null) return "";
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
