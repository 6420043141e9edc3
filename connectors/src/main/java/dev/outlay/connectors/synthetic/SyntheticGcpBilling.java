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
package dev.outlay.connectors.synthetic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic rows of a GCP detailed usage cost export table ({@code gcp_billing_export_resource_v1_*}) for the
 * demo: one row per resource and day with resource and project labels, Compute Engine rows carrying a sustained
 * use discount credit, BigQuery rows a free-tier credit, a promotion credit once a month, and per invoice month a
 * {@code cost_type = tax} row. Billed in USD. The sums per invoice month (Σ cost, Σ credits) come with the rows so a
 * test can check the ledger's billed and net (= cost + credits) cost against the generator itself. Scale: about half
 * the demo's Azure spend a day for half as many resources, so adding GCP keeps the demo's total near its size.
 */
public final class SyntheticGcpBilling {

    public static final String BILLING_ACCOUNT = "01D3M0-C0FFEE-0A1B2C";
    static final DateTimeFormatter INVOICE_MONTH = DateTimeFormatter.ofPattern("yyyyMM");
    static final String[][] PROJECTS = {{"shop-analytics-prod", "402817364501", "Shop Analytics (prod)", "prod"},
            {"shop-analytics-dev", "402817364502", "Shop Analytics (dev)", "dev"}};

    private SyntheticGcpBilling() {
    }

    public record Label(String key, String value) {
    }

    public record Credit(String id, String name, String fullName, String type, BigDecimal amount) {
    }

    /** One export row; {@code region}/{@code zone} null for global SKUs (location then "global" or a multi-region). */
    public record Row(String serviceId, String serviceDescription, String skuId, String skuDescription, Instant usageStart,
                      Instant usageEnd, String projectId, String projectNumber, String projectName, List<Label> projectLabels,
                      List<Label> labels, String location, String country, String region, String zone, String resourceName,
                      String resourceGlobalName, Instant exportTime, BigDecimal cost, String currency, BigDecimal usageAmount,
                      String usageUnit, BigDecimal pricingAmount, String pricingUnit, List<Credit> credits, String invoiceMonth,
                      String costType) {
    }

    /** Σ cost and Σ credits of one invoice month's rows. */
    public record Month(String invoiceMonth, long rows, BigDecimal cost, BigDecimal credits) {
        public BigDecimal net() {
            return cost.add(credits);
        }
    }

    /** The rows and their sums per invoice month, oldest first. */
    public record Export(List<Row> rows, List<Month> months) {
    }

    private record Service(String id, String description, String sku, String skuDescription, String unit, String pricingUnit,
                           double rate, double qty, boolean compute, String kind) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("6F81-5844-456A", "Compute Engine", "CP-N2-CORE", "N2 Instance Core running in Belgium", "seconds", "hour",
                    0.0347, 24, true, "instances"),
            new Service("95FF-2EF5-5EA1", "Cloud Storage", "E5F0-6A5D-7BAD", "Standard Storage Europe Multi-region", "byte-seconds",
                    "gibibyte month", 0.026, 200, false, "buckets"),
            new Service("24E6-581D-38E5", "BigQuery", "BQ-ANALYSIS-EU", "Analysis (EU multi-region)", "bytes", "tebibyte", 6.25, 0.4,
                    true, "datasets"),
            new Service("9662-B51E-5089", "Cloud SQL", "SQL-PG-VCPU", "Cloud SQL for PostgreSQL: Zonal - vCPU in Belgium", "seconds",
                    "hour", 0.0413, 48, true, "instances"),
            new Service("E505-1604-58F8", "Networking", "NET-EGRESS-EU", "Network Internet Data Transfer Out from EMEA", "bytes",
                    "gibibyte", 0.12, 35, false, "addresses"));

    /** {@code resources} resources over {@code days} days ending {@code lastDay}, exported 4 hours after each usage day. */
    public static Export generate(LocalDate lastDay, int days, int resources, long seed) {
        LocalDate first = lastDay.minusDays(days - 1L);
        List<Row> rows = new ArrayList<>();
        List<Month> months = new ArrayList<>();
        YearMonth month = YearMonth.from(first);
        Sums s = new Sums();
        for (LocalDate day = first; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (!YearMonth.from(day).equals(month)) {
                months.add(closeMonth(rows, s, month, day.minusDays(1)));
                month = YearMonth.from(day);
                s = new Sums();
            }
            double weekday = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.6 : 1.0;
            Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = start.plus(Duration.ofDays(1));
            int d = (int) (day.toEpochDay() - first.toEpochDay());
            for (int r = 0; r < resources; r++) {
                SplittableRandom rr = new SplittableRandom(seed * 9_000_011L + r);
                Service svc = SERVICES.get(r % SERVICES.size());
                String[] project = PROJECTS[rr.nextInt(10) < 7 ? 0 : 1];
                String team = SyntheticBilling.TEAMS[rr.nextInt(SyntheticBilling.TEAMS.length)];
                int t = SyntheticBilling.indexOf(SyntheticBilling.TEAMS, team);
                double size = 0.5 + rr.nextDouble() * 2;
                boolean untagged = rr.nextInt(100) < 5;
                SplittableRandom x = new SplittableRandom(seed ^ ((long) d << 32) ^ r);
                double qty = svc.qty * size * (svc.compute ? weekday : 1.0) * (0.9 + 0.2 * x.nextDouble());
                BigDecimal pricing = SyntheticBilling.bd(qty, 6);
                BigDecimal cost = pricing.multiply(BigDecimal.valueOf(svc.rate)).setScale(6, RoundingMode.HALF_EVEN);
                List<Credit> credits = new ArrayList<>();
                if (svc.description.equals("Compute Engine")) {
                    credits.add(new Credit("SUD-N2-EU", "Sustained usage discount", "Sustained usage discount",
                            "SUSTAINED_USAGE_DISCOUNT", cost.multiply(new BigDecimal("-0.20")).setScale(6, RoundingMode.HALF_EVEN)));
                } else if (svc.description.equals("BigQuery") && r % 2 == 0) {
                    credits.add(new Credit("FREE-TIER-BQ", "Free tier", "BigQuery free tier: first 1 TiB per month", "FREE_TIER",
                            cost.min(new BigDecimal("0.200000")).negate()));
                }
                boolean global = svc.description.equals("Cloud Storage") || svc.description.equals("BigQuery");
                String region = global ? null : "europe-west1";
                String zone = svc.compute && !global ? "europe-west1-" + (char) ('b' + r % 3) : null;
                String name = team + "-" + svc.kind.substring(0, svc.kind.length() - 1) + "-" + r;
                List<Label> labels = untagged ? List.of() : List.of(new Label(t % 2 == 0 ? "team" : "Team", team),
                        new Label("cost-center", "CC-" + (100 + t * 10)), new Label("env", project[3]));
                rows.add(new Row(svc.id, svc.description, svc.sku, svc.skuDescription, start, end, project[0], project[1], project[2],
                        List.of(new Label("env", project[3]), new Label("product", SyntheticBilling.PRODUCTS[t])), labels,
                        global ? "eu" : "europe-west1", "BE", region, zone, name,
                        "//" + svc.description.toLowerCase().replace(' ', '.') + ".googleapis.com/projects/" + project[0] + "/" + svc.kind + "/" + name,
                        end.plus(Duration.ofHours(4)), cost, "USD", pricing, svc.unit, pricing, svc.pricingUnit, List.copyOf(credits),
                        INVOICE_MONTH.format(day), "regular"));
                s.add(cost, credits);
            }
        }
        months.add(closeMonth(rows, s, month, lastDay));
        return new Export(List.copyOf(rows), List.copyOf(months));
    }

    /** The month's promotion credit and its tax (8% of the month's net so far), exported with the last day. */
    private static Month closeMonth(List<Row> rows, Sums s, YearMonth month, LocalDate lastDay) {
        Instant start = lastDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = start.plus(Duration.ofDays(1));
        String invoice = INVOICE_MONTH.format(month);
        String[] p = PROJECTS[0];
        Credit promo = new Credit("PROMO-" + invoice, "Startup programme credit", "Google for Startups cloud credit", "PROMOTION",
                new BigDecimal("-50.000000"));
        BigDecimal promoCost = BigDecimal.ZERO.setScale(6);
        rows.add(new Row(SERVICES.get(0).id, SERVICES.get(0).description, SERVICES.get(0).sku, SERVICES.get(0).skuDescription, start, end,
                p[0], p[1], p[2], List.of(new Label("env", p[3])), List.of(), "global", null, null, null, null, null,
                end.plus(Duration.ofHours(4)), promoCost, "USD", null, null, null, null, List.of(promo), invoice, "regular"));
        s.add(promoCost, List.of(promo));
        BigDecimal tax = s.cost.add(s.credits).multiply(new BigDecimal("0.08")).setScale(6, RoundingMode.HALF_EVEN);
        // Tax rows carry the service they are levied on and the project, as the export writes them.
        rows.add(new Row(SERVICES.get(0).id, SERVICES.get(0).description, "TAX-VAT-BE", "Tax: VAT (Belgium)",
                month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), end, p[0], p[1], p[2], List.of(new Label("env", p[3])), List.of(),
                null, "BE", null, null, null, null, end.plus(Duration.ofHours(4)), tax, "USD", null, null, null, null, List.of(), invoice, "tax"));
        s.add(tax, List.of());
        return new Month(invoice, s.rows, s.cost, s.credits);
    }

    private static final class Sums {
        long rows;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;

        void add(BigDecimal c, List<Credit> cs) {
            rows++;
            cost = cost.add(c);
            for (Credit x : cs) credits = credits.add(x.amount());
        }
    }
}
