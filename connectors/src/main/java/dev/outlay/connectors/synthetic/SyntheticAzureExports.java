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

import dev.outlay.connectors.azure.blob.AzureExportFiles;
import dev.outlay.connectors.azure.blob.AzureExportRunWriter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic Azure Cost Management exports for the demo: per month an EA ActualCost + AmortizedCost pair (the
 * two column sets and date formats differ as Azure writes them) laid out as export runs with their manifest.json,
 * over the same resources, tags and injected egress spike (day 75) as {@link SyntheticBilling#azureFocus}.
 *
 * <p>A reservation ("RI D4s v5 demo", {@value #RI_INSTANCES} instances) covers a few always-on VMs: the actual
 * export bills its monthly purchase on the 1st and the covered usage at 0; the amortized export has no purchase
 * but spreads it over the covered hours and one idle instance per day (UnusedReservation). Tags are JSON in the
 * amortized file and brace-less in the actual one, as the two datasets deliver them. The sums of each month's
 * files are returned so a test can check the ledger to the cent against the generator itself.
 */
public final class SyntheticAzureExports {

    public static final String BILLING_ACCOUNT = "8800123";
    public static final String ACTUAL_EXPORT = "demo-actual";
    public static final String AMORTIZED_EXPORT = "demo-amortized";
    public static final String RESERVATION_ID = "/providers/Microsoft.Capacity/reservationOrders/ro-demo/reservations/r-demo-d4s";
    static final int RI_INSTANCES = 4;
    /** Partitioned exports split into blobs of at most this many rows, each with its header. */
    static final int ROWS_PER_BLOB = 4000;
    static final String[] SUBS = {"6f1c2d3e-0000-4000-8000-00000000a001", "6f1c2d3e-0000-4000-8000-00000000a002"};
    static final String[] SUB_NAMES = {"contoso-prod", "contoso-nonprod"};

    static final String ACTUAL_HEADER = "BillingAccountId,BillingAccountName,BillingPeriodStartDate,BillingPeriodEndDate,BillingProfileId,"
            + "BillingProfileName,AccountName,SubscriptionGuid,SubscriptionName,Date,ProductName,MeterId,MeterCategory,ServiceFamily,"
            + "ResourceLocation,ResourceId,ResourceName,Quantity,UnitOfMeasure,UnitPrice,PayGPrice,CostInBillingCurrency,"
            + "BillingCurrencyCode,ChargeType,PricingModel,Frequency,ReservationId,ReservationName,BenefitId,BenefitName,Tags,PublisherName\n";
    // The amortized dataset names cost, currency and subscription differently and zero-pads its dates.
    static final String AMORTIZED_HEADER = ACTUAL_HEADER.replace("SubscriptionGuid", "SubscriptionId")
            .replace("CostInBillingCurrency", "Cost").replace("BillingCurrencyCode", "BillingCurrency");
    private static final DateTimeFormatter ACTUAL_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");
    private static final DateTimeFormatter AMORTIZED_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final DateTimeFormatter RUN = DateTimeFormatter.ofPattern("yyyyMMdd");

    private SyntheticAzureExports() {
    }

    /**
     * One month's pair and its sums (billed = Σ actual cost, effective = Σ amortized cost).
     *
     * @param reservationPurchase the purchase billed in the actual file (0 when the 1st is outside the window)
     * @param reservationAmortized covered + unused reservation cost in the amortized file
     * @param unusedReservation the UnusedReservation rows' share of it
     */
    public record Month(YearMonth month, long actualRows, long amortizedRows, BigDecimal billed, BigDecimal effective,
                        BigDecimal reservationPurchase, BigDecimal reservationAmortized, BigDecimal unusedReservation) {
    }

    /**
     * Writes one run per month of [lastDay - days + 1, lastDay] for both exports into {@code files} (the run is
     * dated the day after the month's last generated day, as a daily re-export would be) and returns their sums.
     */
    public static List<Month> write(AzureExportFiles files, LocalDate lastDay, int days, int resources, long seed) {
        LocalDate first = lastDay.minusDays(days - 1L);
        List<Month> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(lastDay)); m = m.plusMonths(1)) {
            LocalDate from = first.isAfter(m.atDay(1)) ? first : m.atDay(1);
            LocalDate to = lastDay.isBefore(m.atEndOfMonth()) ? lastDay : m.atEndOfMonth();
            out.add(month(files, m, from, to, first, resources, seed));
        }
        return out;
    }

    private static Month month(AzureExportFiles files, YearMonth m, LocalDate from, LocalDate to, LocalDate first, int resources, long seed) {
        StringBuilder actual = new StringBuilder(1 << 20).append(ACTUAL_HEADER);
        List<StringBuilder> amortized = new ArrayList<>();
        Sums s = new Sums();
        BigDecimal purchase = reservationPrice(m);
        BigDecimal hourly = purchase.divide(BigDecimal.valueOf(m.lengthOfMonth() * 24L * RI_INSTANCES), 10, RoundingMode.HALF_EVEN);
        long amortizedRows = 0;
        StringBuilder part = null;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            int d = (int) (day.toEpochDay() - first.toEpochDay());
            double weekday = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.6 : 1.0;
            int coveredToday = 0;
            for (int r = 0; r < resources; r++) {
                if (part == null || amortizedRows % ROWS_PER_BLOB == 0) {
                    part = new StringBuilder(1 << 20).append(AMORTIZED_HEADER);
                    amortized.add(part);
                }
                SplittableRandom rr = new SplittableRandom(seed * 7_000_003L + r);
                SyntheticBilling.AzService svc = SyntheticBilling.AZURE.get(r % SyntheticBilling.AZURE.size());
                int sub = rr.nextInt(10) < 6 ? 0 : 1;
                String team = SyntheticBilling.TEAMS[rr.nextInt(SyntheticBilling.TEAMS.length)];
                String region = rr.nextBoolean() ? "westeurope" : "northeurope";
                double size = 0.5 + rr.nextDouble() * 2;
                String tags = SyntheticBilling.azureTags(rr, team, sub);
                SplittableRandom x = new SplittableRandom(seed ^ ((long) d << 32) ^ r);
                boolean reserved = r % SyntheticBilling.AZURE.size() == 0 && sub == 0 && coveredToday < RI_INSTANCES - 1 && r % 3 == 0;
                double qty = reserved ? 24 : svc.qty() * size * (svc.compute() ? weekday : 1.0) * (0.9 + 0.2 * x.nextDouble());
                if (d == 75 && svc.name().equals("Bandwidth")) qty *= 6; // injected egress spike
                BigDecimal q = SyntheticBilling.bd(qty, 6);
                BigDecimal price = SyntheticBilling.bd(svc.rate() * 0.85, 10); // EA discount: contracted < list
                String rg = "rg-" + team;
                String id = "/subscriptions/" + SUBS[sub] + "/resourcegroups/" + rg + "/providers/" + svc.type() + "/" + team + "-" + r;
                Row row = new Row(m, day, svc, sub, region, id, team + "-" + r, q, price, "SKU-" + (r % SyntheticBilling.AZURE.size()), tags);
                if (reserved) {
                    coveredToday++;
                    BigDecimal share = q.multiply(hourly).setScale(10, RoundingMode.HALF_EVEN);
                    row.write(actual, true, "Usage", "Reservation", "UsageBased", BigDecimal.ZERO, BigDecimal.ZERO, true);
                    row.write(part, false, "Usage", "Reservation", "UsageBased", BigDecimal.ZERO, share, true);
                    s.reservation = s.reservation.add(share);
                    s.effective = s.effective.add(share);
                } else {
                    BigDecimal cost = q.multiply(price).setScale(10, RoundingMode.HALF_EVEN);
                    row.write(actual, true, "Usage", "OnDemand", "UsageBased", price, cost, false);
                    row.write(part, false, "Usage", "OnDemand", "UsageBased", price, cost, false);
                    s.billed = s.billed.add(cost);
                    s.effective = s.effective.add(cost);
                }
                amortizedRows++;
            }
            // The instances nobody ran today: the amortized file's UnusedReservation row (no resource, no tags).
            BigDecimal idleHours = BigDecimal.valueOf(24L * (RI_INSTANCES - coveredToday));
            BigDecimal unused = idleHours.multiply(hourly).setScale(10, RoundingMode.HALF_EVEN);
            if (part == null || amortizedRows % ROWS_PER_BLOB == 0) {
                part = new StringBuilder(1 << 16).append(AMORTIZED_HEADER);
                amortized.add(part);
            }
            new Row(m, day, SyntheticBilling.AZURE.get(0), 0, "westeurope", "", "", idleHours, BigDecimal.ZERO, "SKU-0", "")
                    .write(part, false, "UnusedReservation", "Reservation", "UsageBased", BigDecimal.ZERO, unused, true);
            amortizedRows++;
            s.reservation = s.reservation.add(unused);
            s.unused = s.unused.add(unused);
            s.effective = s.effective.add(unused);
        }
        long actualRows = (to.toEpochDay() - from.toEpochDay() + 1) * resources;
        BigDecimal billedPurchase = BigDecimal.ZERO;
        if (!from.isAfter(m.atDay(1))) { // the monthly reservation charge lands on the 1st
            new Row(m, m.atDay(1), SyntheticBilling.AZURE.get(0), 0, "", "", "", BigDecimal.ONE, purchase, "", "")
                    .write(actual, true, "Purchase", "Reservation", "Recurring", purchase, purchase, true);
            actualRows++;
            billedPurchase = purchase;
            s.billed = s.billed.add(purchase);
        }
        String run = RUN.format(to.plusDays(1)) + "0600";
        AzureExportRunWriter.write(files, ACTUAL_EXPORT, "ActualCost", m, run, BILLING_ACCOUNT, List.of(actual.toString()));
        AzureExportRunWriter.write(files, AMORTIZED_EXPORT, "AmortizedCost", m, run, BILLING_ACCOUNT,
                amortized.stream().map(StringBuilder::toString).toList());
        return new Month(m, actualRows, amortizedRows, s.billed, s.effective, billedPurchase, s.reservation, s.unused);
    }

    /** The reservation's monthly price: {@value #RI_INSTANCES} D4s-sized instances around the clock at 60% of the VM rate. */
    static BigDecimal reservationPrice(YearMonth m) {
        return BigDecimal.valueOf(RI_INSTANCES * 24L * m.lengthOfMonth()).multiply(new BigDecimal("0.1152")).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static final class Sums {
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal effective = BigDecimal.ZERO;
        BigDecimal reservation = BigDecimal.ZERO;
        BigDecimal unused = BigDecimal.ZERO;
    }

    private record Row(YearMonth m, LocalDate day, SyntheticBilling.AzService svc, int sub, String region, String resourceId,
                       String resourceName, BigDecimal qty, BigDecimal price, String meter, String tags) {

        void write(StringBuilder sb, boolean actual, String chargeType, String model, String frequency, BigDecimal unitPrice,
                   BigDecimal cost, boolean reservation) {
            DateTimeFormatter f = actual ? ACTUAL_DATE : AMORTIZED_DATE;
            boolean purchase = chargeType.equals("Purchase");
            String product = purchase ? "Reservation D4s v5 1 year" : svc.name() + (reservation ? " D4s v5" : "");
            // The actual dataset writes tags without the enclosing braces; the amortized one as a JSON object.
            String t = actual && !tags.isEmpty() ? "\"" + tags.substring(2, tags.length() - 2) + "\"" : tags;
            sb.append(BILLING_ACCOUNT).append(",Contoso EA,").append(f.format(m.atDay(1))).append(',').append(f.format(m.atEndOfMonth()))
                    .append(',').append(BILLING_ACCOUNT).append(",Contoso EA,finops@contoso.example,").append(SUBS[sub]).append(',')
                    .append(SUB_NAMES[sub]).append(',').append(f.format(day)).append(',').append(product).append(',')
                    .append(purchase ? "" : meter).append(',').append(svc.name()).append(',').append(svc.category()).append(',')
                    .append(region).append(',').append(resourceId).append(',').append(resourceName).append(',')
                    .append(qty.toPlainString()).append(',').append(purchase ? "1 Month" : svc.unit()).append(',')
                    .append(unitPrice.toPlainString()).append(',').append(purchase ? "" : String.valueOf(svc.rate())).append(',')
                    .append(cost.toPlainString()).append(",EUR,").append(chargeType).append(',').append(model).append(',')
                    .append(frequency).append(',').append(reservation ? RESERVATION_ID + ",RI D4s v5 demo" : ",").append(",,,")
                    .append(t).append(",Microsoft\n");
        }
    }
}
