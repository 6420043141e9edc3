/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.stripe;

import dev.outlay.connectors.stripe.StripeChargeFile;
import dev.outlay.economics.MetricInput;
import dev.outlay.economics.MetricService;
import dev.outlay.economics.MetricValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Stripe account's revenue as business metrics (the denominators of unit economics): {@code stripe-revenue-<currency>}
 * (unit = the currency code; charges and payments less refunds) and {@code stripe-orders} (charges and payments), one
 * value for every day of the month up to {@code through}, zero where nothing happened, so a re-poll replaces the
 * month. Metric values are never negative (the metric store refuses them), so refunds beyond a day's sales are
 * carried to the following days of the same month: the month's values add up to its net revenue exactly unless the
 * month as a whole refunded more than it sold.
 */
@ApplicationScoped
public class StripeRevenue {

    static final String ORDERS = "stripe-orders";

    @Inject
    MetricService metrics;

    public static String revenueMetric(String currency) {
        return "stripe-revenue-" + currency.toLowerCase(Locale.ROOT);
    }

    /** The values of the month's metrics, by metric name. */
    static Map<String, List<MetricValue>> values(YearMonth month, LocalDate through, List<StripeChargeFile.DailyRevenue> revenue) {
        LocalDate last = month.atEndOfMonth().isBefore(through) ? month.atEndOfMonth() : through;
        Map<String, Map<LocalDate, BigDecimal>> byCurrency = new TreeMap<>();
        Map<LocalDate, Long> orders = new TreeMap<>();
        for (StripeChargeFile.DailyRevenue r : revenue) {
            byCurrency.computeIfAbsent(r.currency(), c -> new TreeMap<>()).merge(r.day(), r.revenue(), BigDecimal::add);
            orders.merge(r.day(), r.orders(), Long::sum);
        }
        Map<String, List<MetricValue>> out = new TreeMap<>();
        for (var e : byCurrency.entrySet()) {
            List<MetricValue> values = new ArrayList<>();
            BigDecimal carried = BigDecimal.ZERO;
            for (LocalDate d = month.atDay(1); !d.isAfter(last); d = d.plusDays(1)) {
                BigDecimal v = e.getValue().getOrDefault(d, BigDecimal.ZERO).add(carried);
                carried = v.signum() < 0 ? v : BigDecimal.ZERO;
                values.add(new MetricValue(d, "", v.signum() < 0 ? BigDecimal.ZERO.setScale(v.scale()) : v));
            }
            out.put(revenueMetric(e.getKey()), values);
        }
        List<MetricValue> count = new ArrayList<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(last); d = d.plusDays(1)) {
            count.add(new MetricValue(d, "", BigDecimal.valueOf(orders.getOrDefault(d, 0L))));
        }
        out.put(ORDERS, count);
        return out;
    }

    /** Defines the metrics where missing and writes the month's values in one transaction; the number of values. */
    @Transactional
    public int write(YearMonth month, LocalDate through, List<StripeChargeFile.DailyRevenue> revenue) {
        int n = 0;
        for (var e : values(month, through, revenue).entrySet()) {
            String name = e.getKey();
            if (metrics.find(name).isEmpty()) {
                String unit = name.equals(ORDERS) ? "orders" : name.substring("stripe-revenue-".length()).toUpperCase(Locale.ROOT);
                metrics.put(name, new MetricInput(unit, "daily", "none", name.equals(ORDERS)
                        ? "Charges and payments on the Stripe account per day (from its balance transactions)"
                        : "Revenue in " + unit + " on the Stripe account per day: charges and payments less refunds"));
            }
            n += metrics.putValues(name, e.getValue()).stored();
        }
        return n;
    }
}
