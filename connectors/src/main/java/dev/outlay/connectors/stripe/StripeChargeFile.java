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
package dev.outlay.connectors.stripe;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One month of a Stripe account's balance transactions as what it cost the company (a FOCUS 1.2 CSV the FOCUS
 * connector reads like any FOCUS file) and what it earned (revenue per day, a business metric).
 *
 * <p>Cost: the fee part of each transaction ({@code fee_details}: processing fees, Connect application fees, tax on
 * fees), and the transactions that are themselves Stripe's charges to the account ({@code stripe_fee} for Billing,
 * Radar, Tax and the like, {@code stripe_fx_fee} for currency conversion), whose cost is minus their net. One row
 * per UTC day, currency and fee line, PricingQuantity = the transactions it sums. Revenue: the gross amount of
 * {@code charge} and {@code payment} transactions less the refunds, per UTC day and currency; orders: the number of
 * charges and payments. Same transactions, same bytes.
 */
public final class StripeChargeFile {

    static final List<String> HEADER = List.of("BillingAccountId", "BillingAccountName", "InvoiceId", "BillingPeriodStart",
            "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory", "ChargeFrequency", "ChargeDescription",
            "BilledCost", "EffectiveCost", "ListCost", "ContractedCost", "BillingCurrency", "ProviderName", "PublisherName",
            "InvoiceIssuerName", "ServiceCategory", "ServiceName", "ResourceId", "ResourceName", "ResourceType", "SkuId",
            "PricingCategory", "PricingQuantity", "PricingUnit", "Tags");
    static final Set<String> ACCOUNT_FEES = Set.of("stripe_fee", "stripe_fx_fee");
    static final Set<String> SALES = Set.of("charge", "payment");
    static final Set<String> REFUNDS = Set.of("refund", "payment_refund", "payment_failure_refund");

    private StripeChargeFile() {
    }

    /** Revenue and orders of one UTC day in one currency (upper-case ISO code). */
    public record DailyRevenue(LocalDate day, String currency, BigDecimal revenue, long orders) {
    }

    /** The file, its totals (fees per currency, upper-case codes) and the month's revenue by day. */
    public record Result(byte[] csv, int rows, Map<String, BigDecimal> feesByCurrency, List<DailyRevenue> revenue, int transactions) {
    }

    /** One fee line of a day: which service and SKU, which FOCUS category, and the words of its description. */
    private record Line(String service, String sku, String category, String description) {
    }

    private record Key(LocalDate day, String currency, Line line) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = day.compareTo(o.day);
            if (c != 0) return c;
            c = currency.compareTo(o.currency);
            if (c != 0) return c;
            c = line.sku().compareTo(o.line.sku());
            return c != 0 ? c : line.description().compareTo(o.line.description());
        }
    }

    private static final class Sum {
        long minor;
        long count;
    }

    public static Result write(String accountId, String accountName, YearMonth month, List<StripeTransaction> transactions) {
        TreeMap<Key, Sum> fees = new TreeMap<>();
        TreeMap<String, long[]> sales = new TreeMap<>();
        for (StripeTransaction t : transactions) {
            LocalDate day = t.created().atZone(ZoneOffset.UTC).toLocalDate();
            if (!YearMonth.from(day).equals(month)) continue;
            if (ACCOUNT_FEES.contains(t.type())) {
                // Stripe sends these with a negative amount and fee 0; their net is what left the balance.
                String what = t.description() == null || t.description().isBlank() ? t.type() : t.description().strip();
                add(fees, new Key(day, t.currency(), new Line("Stripe account fees", t.type(), "Usage", what)), -(t.amount() - t.fee()));
                continue;
            }
            long detailed = 0;
            for (StripeTransaction.Fee f : t.fees()) {
                add(fees, new Key(day, f.currency(), line(f.type())), f.amount());
                detailed += f.amount();
            }
            // A fee without (or beyond) its breakdown is still Stripe's: charged as a processing fee.
            if (t.fee() != detailed) add(fees, new Key(day, t.currency(), line("stripe_fee")), t.fee() - detailed);
            if (SALES.contains(t.type()) || REFUNDS.contains(t.type())) {
                long[] s = sales.computeIfAbsent(day + "|" + t.currency(), k -> new long[2]);
                s[0] += t.amount();
                if (SALES.contains(t.type())) s[1]++;
            }
        }
        StringBuilder out = new StringBuilder(String.join(",", HEADER)).append('\n');
        Map<String, BigDecimal> totals = new TreeMap<>();
        int rows = 0;
        for (Map.Entry<Key, Sum> e : fees.entrySet()) {
            if (e.getValue().minor == 0) continue;
            BigDecimal cost = StripeAmounts.of(e.getValue().minor, e.getKey().currency());
            row(out, accountId, accountName, month, e.getKey(), cost, e.getValue().count);
            totals.merge(upper(e.getKey().currency()), cost, BigDecimal::add);
            rows++;
        }
        List<DailyRevenue> revenue = sales.entrySet().stream().map(e -> {
            String[] k = e.getKey().split("\\|");
            return new DailyRevenue(LocalDate.parse(k[0]), upper(k[1]), StripeAmounts.of(e.getValue()[0], k[1]), e.getValue()[1]);
        }).toList();
        return new Result(out.toString().getBytes(StandardCharsets.UTF_8), rows, totals, revenue, transactions.size());
    }

    private static void add(TreeMap<Key, Sum> fees, Key k, long minor) {
        Sum s = fees.computeIfAbsent(k, x -> new Sum());
        s.minor += minor;
        s.count++;
    }

    private static Line line(String feeType) {
        return switch (feeType) {
            case "tax" -> new Line("Stripe Payments", "fee-tax", "Tax", "tax on Stripe fees");
            case "application_fee" -> new Line("Stripe Connect", "application-fee", "Usage", "Connect application fees");
            case "stripe_fee" -> new Line("Stripe Payments", "processing-fee", "Usage", "Stripe processing fees");
            default -> new Line("Stripe Payments", feeType, "Usage", feeType.replace('_', ' '));
        };
    }

    private static void row(StringBuilder out, String accountId, String accountName, YearMonth month, Key k, BigDecimal cost, long count) {
        String start = k.day() + "T00:00:00Z";
        String end = k.day().plusDays(1) + "T00:00:00Z";
        String amount = cost.toPlainString();
        String tags = "{\"stripe-fee\":\"" + k.line().sku() + "\"}";
        List<String> cells = List.of(accountId, accountName, "", month.atDay(1) + "T00:00:00Z", month.plusMonths(1).atDay(1) + "T00:00:00Z",
                start, end, k.line().category(), "Usage-Based", k.line().description() + " (" + count + " transactions)",
                amount, amount, amount, amount, upper(k.currency()), "Stripe", "Stripe", "Stripe", "Business Applications",
                k.line().service(), "stripe/" + accountId + "/" + k.line().sku(), k.line().service(), "Payment account", k.line().sku(),
                "Standard", Long.toString(count), "Transactions", tags);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append(csv(cells.get(i)));
        }
        out.append('\n');
    }

    private static String upper(String currency) {
        return currency.toUpperCase(Locale.ROOT);
    }

    private static String csv(String v) {
        if (v == null) return "";
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
