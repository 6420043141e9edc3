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
package dev.outlay.connectors.saas;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One month of a SaaS account's seats as a FOCUS 1.2 CSV, read back by the FOCUS connector like any FOCUS file.
 * Each SKU is charged for its paid seats ({@link SeatSubscription#paidSeats}) as {@code Purchase}/{@code Recurring}
 * rows over the calendar month, {@code ServiceCategory} Business Applications, priced from the contract table.
 * The seats are split into one row per department of the assigned users (tag {@code department}), one row for
 * assigned seats no department names, and one for unassigned seats (tag {@code seat-state}), so allocation rules
 * can charge departments and the idle seats stay visible. Row costs add up exactly to the SKU's cost rounded once:
 * the last row takes the rounding remainder. Same seats and prices give the same bytes (the re-poll is a duplicate).
 */
public final class SeatChargeFile {

    static final List<String> HEADER = List.of("BillingAccountId", "BillingAccountName", "InvoiceId", "BillingPeriodStart",
            "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory", "ChargeFrequency", "ChargeDescription",
            "BilledCost", "EffectiveCost", "ListCost", "ContractedCost", "BillingCurrency", "ProviderName", "PublisherName",
            "InvoiceIssuerName", "ServiceCategory", "ServiceName", "ResourceId", "ResourceName", "ResourceType", "SkuId",
            "SkuPriceId", "PricingCategory", "PricingQuantity", "PricingUnit", "ListUnitPrice", "ContractedUnitPrice", "Tags");

    private SeatChargeFile() {
    }

    /** The file and what it charges, for dry runs and the poll's outcome. */
    public record Result(byte[] csv, int rows, Map<String, BigDecimal> totalByCurrency, long paidSeats) {
    }

    /**
     * The month's file; throws {@link UnpricedSkuException} naming every paid SKU without a price on the month's first
     * day (nothing is written then).
     */
    public static Result write(SeatAccount account, YearMonth month, List<SeatSubscription> subscriptions,
                               Function<String, Optional<SeatPrice>> prices) {
        List<String> unpriced = new ArrayList<>();
        List<SeatSubscription> paid = subscriptions.stream().filter(s -> s.paidSeats() > 0)
                .sorted(java.util.Comparator.comparing(SeatSubscription::sku).thenComparing(SeatSubscription::skuId)).toList();
        for (SeatSubscription s : paid) {
            if (prices.apply(s.sku()).isEmpty() && !unpriced.contains(s.sku())) unpriced.add(s.sku());
        }
        if (!unpriced.isEmpty()) throw new UnpricedSkuException(account.vendor(), month.toString(), unpriced);
        StringBuilder out = new StringBuilder(String.join(",", HEADER)).append('\n');
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        int rows = 0;
        long seats = 0;
        for (SeatSubscription s : paid) {
            SeatPrice price = prices.apply(s.sku()).orElseThrow();
            BigDecimal skuCost = price.monthlyCost(s.paidSeats());
            List<Part> parts = parts(s);
            BigDecimal written = BigDecimal.ZERO;
            for (int i = 0; i < parts.size(); i++) {
                Part p = parts.get(i);
                BigDecimal cost = i == parts.size() - 1 ? skuCost.subtract(written) : price.monthlyCost(p.seats());
                written = written.add(cost);
                row(out, account, month, s, price, p, cost);
                rows++;
            }
            totals.merge(price.currency(), skuCost, BigDecimal::add);
            seats += s.paidSeats();
        }
        return new Result(out.toString().getBytes(StandardCharsets.UTF_8), rows, totals, seats);
    }

    /** The FOCUS ResourceId of a SKU's rows (and its inventory item): vendor, account and the vendor's SKU id. */
    public static String resourceId(SeatAccount a, SeatSubscription s) {
        return a.vendor() + "/" + a.accountId() + "/" + s.skuId();
    }

    /** A share of a SKU's paid seats with the tags that say whose they are. */
    private record Part(long seats, String department, String state) {
    }

    private static List<Part> parts(SeatSubscription s) {
        List<Part> parts = new ArrayList<>();
        s.byDepartment().forEach((d, n) -> {
            if (n > 0) parts.add(new Part(n, d, "assigned"));
        });
        long unattributed = s.assignedTotal() - s.attributed();
        if (unattributed > 0) parts.add(new Part(unattributed, null, "assigned"));
        if (s.unassigned() > 0) parts.add(new Part(s.unassigned(), null, "unassigned"));
        return parts;
    }

    private static void row(StringBuilder out, SeatAccount a, YearMonth month, SeatSubscription s, SeatPrice price, Part p, BigDecimal cost) {
        String start = month.atDay(1) + "T00:00:00Z";
        String end = month.plusMonths(1).atDay(1) + "T00:00:00Z";
        String what = p.state().equals("unassigned") ? "unassigned seats"
                : p.department() == null ? "assigned seats, no department" : "assigned seats, department " + p.department();
        String tags = "{\"seat-state\":" + json(p.state()) + (p.department() == null ? "" : ",\"department\":" + json(p.department())) + "}";
        List<String> cells = List.of(a.accountId(), a.accountName(), "", start, end, start, end, "Purchase", "Recurring",
                s.name() + ": " + p.seats() + " " + what, cost.toPlainString(), cost.toPlainString(), cost.toPlainString(),
                cost.toPlainString(), price.currency(), a.provider(), a.provider(), a.provider(), "Business Applications",
                a.servicePrefix(), resourceId(a, s), s.name(), "License", s.sku(), price.priceId(), "Standard", Long.toString(p.seats()),
                price.pricingUnit(), price.monthlyUnitPrice().toPlainString(), price.monthlyUnitPrice().toPlainString(), tags);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append(csv(cells.get(i)));
        }
        out.append('\n');
    }

    private static String csv(String v) {
        if (v == null) return "";
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    private static String json(String v) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
