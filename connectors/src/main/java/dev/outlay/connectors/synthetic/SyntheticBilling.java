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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic billing data in the real source shapes (AWS CUR 2.0 CSV, an Azure-shaped FOCUS 1.2
 * CSV, a SaaS invoice CSV) for the demo tenant and the benchmark. Same seed and dates, same bytes.
 *
 * <p>Realism that later features rely on: a weekday pattern (weekends ~60% of compute), tags on ~93% of spend
 * with real-world spelling variants ({@code user_team}, {@code user_Team}, {@code Team}, {@code team},
 * {@code cost-center}, {@code CostCenter}), a few untagged resources, Savings Plan coverage (covered usage,
 * negation, recurring fee), monthly tax and credits, and two injected spikes (AWS EC2 of team search on
 * day 60, Azure egress on day 75).
 */
public final class SyntheticBilling {

    static final String[] TEAMS = {"payments", "search", "platform", "data", "web", "mobile", "ml"};
    static final String[] PRODUCTS = {"checkout", "catalog", "core", "insights", "storefront", "app", "recommendations"};
    static final String[] ENVS = {"prod", "staging", "dev"};
    static final String[] APPS = {"api", "worker", "db", "cache", "etl", "frontend"};
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.000Z'");

    private SyntheticBilling() {
    }

    private record AwsService(String code, String name, String family, String unit, double rate, double baseQty, boolean compute,
                              String operation) {
    }

    private static final List<AwsService> AWS = List.of(
            new AwsService("AmazonEC2", "Amazon Elastic Compute Cloud", "Compute Instance", "Hrs", 0.096, 24, true, "RunInstances"),
            new AwsService("AmazonRDS", "Amazon Relational Database Service", "Database Instance", "Hrs", 0.29, 24, true, "CreateDBInstance"),
            new AwsService("AmazonS3", "Amazon Simple Storage Service", "Storage", "GB-Mo", 0.023, 40, false, "StandardStorage"),
            new AwsService("AWSLambda", "AWS Lambda", "Serverless", "Lambda-GB-Second", 0.0000166667, 90000, true, "Invoke"),
            new AwsService("AmazonCloudFront", "Amazon CloudFront", "Data Transfer", "GB", 0.085, 30, false, "GET"),
            new AwsService("AmazonDynamoDB", "Amazon DynamoDB", "Database Storage", "ReadCapacityUnit-Hrs", 0.00013, 90000, true, "CommittedThroughput"));

    static final String CUR2_HEADER = "identity_line_item_id,identity_time_interval,bill_invoice_id,bill_invoicing_entity,"
            + "bill_billing_entity,bill_bill_type,bill_payer_account_id,bill_payer_account_name,bill_billing_period_start_date,"
            + "bill_billing_period_end_date,line_item_usage_account_id,line_item_usage_account_name,line_item_line_item_type,"
            + "line_item_usage_start_date,line_item_usage_end_date,line_item_product_code,line_item_usage_type,line_item_operation,"
            + "line_item_availability_zone,line_item_resource_id,line_item_usage_amount,line_item_currency_code,"
            + "line_item_unblended_rate,line_item_unblended_cost,line_item_line_item_description,line_item_legal_entity,"
            + "product_product_name,product_product_family,product_region_code,pricing_public_on_demand_cost,"
            + "pricing_public_on_demand_rate,pricing_unit,savings_plan_savings_plan_a_r_n,savings_plan_savings_plan_effective_cost,"
            + "savings_plan_total_commitment_to_date,savings_plan_used_commitment,resource_tags\r\n";

    /**
     * AWS CUR 2.0 CSV: {@code resources} resources over {@code days} days ending at {@code lastDay}, one row per
     * resource and hour slot ({@code slotsPerDay} = 1 for daily rows, 24 for hourly). Returns rows written.
     */
    public static long awsCur2(Writer w, LocalDate lastDay, int days, int resources, int slotsPerDay, long seed) {
        try {
            w.write(CUR2_HEADER);
            long rows = 0;
            String payer = "210987654321";
            String[] accounts = {"310987654321", "410987654321", "510987654321"};
            String[] accountNames = {"shop-prod", "shop-staging", "shop-dev"};
            String[] regions = {"us-east-1", "eu-west-1", "us-west-2"};
            String sp = "arn:aws:savingsplans::" + payer + ":savingsplan/sp-demo-compute";
            LocalDate first = lastDay.minusDays(days - 1L);
            StringBuilder sb = new StringBuilder(1024);
            int hours = 24 / slotsPerDay;
            for (int d = 0; d < days; d++) {
                LocalDate day = first.plusDays(d);
                YearMonth month = YearMonth.from(day);
                String pStart = TS.format(month.atDay(1).atStartOfDay());
                String pEnd = TS.format(month.plusMonths(1).atDay(1).atStartOfDay());
                double weekday = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.6 : 1.0;
                double covered = 0;
                for (int r = 0; r < resources; r++) {
                    SplittableRandom rr = new SplittableRandom(seed * 1_000_003L + r);
                    AwsService s = AWS.get(r % AWS.size());
                    int acct = rr.nextInt(10) < 6 ? 0 : rr.nextInt(10) < 7 ? 1 : 2;
                    String region = regions[rr.nextInt(regions.length)];
                    String team = TEAMS[rr.nextInt(TEAMS.length)];
                    double size = 0.5 + rr.nextDouble() * 3;
                    String tags = awsTags(rr, team, acct);
                    String resourceId = s.code.equals("AmazonEC2") ? String.format("i-%016x", seed + r)
                            : s.code.toLowerCase() + "-" + team + "-" + r;
                    for (int slot = 0; slot < slotsPerDay; slot++) {
                        SplittableRandom x = new SplittableRandom(seed ^ ((long) d << 32) ^ ((long) r << 8) ^ slot);
                        double qty = s.baseQty / slotsPerDay * size * (s.compute ? weekday : 1.0) * (0.9 + 0.2 * x.nextDouble());
                        if (d == 60 && team.equals("search") && s.code.equals("AmazonEC2")) qty *= 4; // injected spike
                        BigDecimal q = bd(qty, 6);
                        BigDecimal cost = bd(qty * s.rate, 10);
                        var start = day.atStartOfDay().plusHours((long) slot * hours);
                        String ts = TS.format(start);
                        String te = TS.format(start.plusHours(hours));
                        boolean spCovered = s.code.equals("AmazonEC2") && acct == 0 && (r % 3 == 0);
                        String id = Long.toHexString(seed) + "-" + d + "-" + r + "-" + slot;
                        String common = "," + pStart + "," + pEnd + "," + accounts[acct] + "," + accountNames[acct] + ",";
                        String tail = "," + ts + "," + te + "," + s.code + "," + region.substring(0, 2).toUpperCase() + "-" + s.family.replace(' ', '-')
                                + "," + s.operation + "," + region + "a," + resourceId + "," + q.toPlainString() + ",USD," + s.rate + ",";
                        if (spCovered) {
                            BigDecimal eff = bd(qty * s.rate * 0.72, 10);
                            covered += qty * s.rate * 0.72;
                            line(sb, id + "-c", ts, te, payer, common, "SavingsPlanCoveredUsage", tail, cost, "Savings Plan covered " + s.name,
                                    s, region, cost, sp, eff.toPlainString(), "", "", tags);
                            w.write(sb.toString());
                            line(sb, id + "-n", ts, te, payer, common, "SavingsPlanNegation", tail, cost.negate(), "SavingsPlanNegation for " + s.name,
                                    s, region, null, sp, "", "", "", "");
                            w.write(sb.toString());
                            rows += 2;
                        } else {
                            line(sb, id, ts, te, payer, common, "Usage", tail, cost, "$" + s.rate + " per " + s.unit + " " + s.name,
                                    s, region, cost, "", "", "", "", tags);
                            w.write(sb.toString());
                            rows++;
                        }
                    }
                }
                if (covered > 0) { // the Savings Plan bills a fixed daily commitment; effective cost keeps the unused part
                    double commitment = Math.max(covered * 1.08, 1);
                    BigDecimal fee = bd(commitment, 10);
                    String ts = TS.format(day.atStartOfDay());
                    String te = TS.format(day.plusDays(1).atStartOfDay());
                    String common = "," + pStart + "," + pEnd + "," + accounts[0] + "," + accountNames[0] + ",";
                    String tail = "," + ts + "," + te + ",ComputeSavingsPlans,ComputeSP:1yrNoUpfront,,,,1,USD," + fee.toPlainString() + ",";
                    line(sb, Long.toHexString(seed) + "-" + d + "-spfee", ts, te, payer, common, "SavingsPlanRecurringFee", tail, fee,
                            "1 year No Upfront Compute Savings Plan", null, null, null, sp, "", fee.toPlainString(), bd(covered, 10).toPlainString(), "");
                    w.write(sb.toString());
                    rows++;
                }
                if (day.getDayOfMonth() == month.lengthOfMonth() || d == days - 1) { // tax and a credit per month
                    String ts = TS.format(month.atDay(1).atStartOfDay());
                    String te = TS.format(month.plusMonths(1).atDay(1).atStartOfDay());
                    String common = "," + pStart + "," + pEnd + "," + accounts[0] + "," + accountNames[0] + ",";
                    String tail = "," + ts + "," + te + ",AmazonEC2,,,,,1,USD,,";
                    line(sb, Long.toHexString(seed) + "-" + month + "-tax", ts, te, payer, common, "Tax", tail,
                            bd(resources * 0.9 * day.getDayOfMonth(), 10), "Tax for product code AmazonEC2", null, null, null, "", "", "", "", "");
                    w.write(sb.toString());
                    line(sb, Long.toHexString(seed) + "-" + month + "-credit", ts, te, payer, common, "Credit", tail,
                            bd(-25, 10), "AWS Activate credit", null, null, null, "", "", "", "", "");
                    w.write(sb.toString());
                    rows += 2;
                }
            }
            w.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(StringBuilder sb, String id, String ts, String te, String payer, String common, String type, String tail,
                             BigDecimal cost, String description, AwsService s, String region, BigDecimal publicCost, String spArn,
                             String spEffective, String spTotal, String spUsed, String tags) {
        sb.setLength(0);
        sb.append(id).append(',').append(ts.substring(0, 19)).append("Z/").append(te, 0, 19).append("Z,")
                .append("INV-DEMO-").append(common.substring(1, 8)).append(",Amazon Web Services Inc.,AWS,Anniversary,").append(payer)
                .append(",Demo Corp Payer").append(common).append(type).append(tail).append(cost.toPlainString()).append(',')
                .append(description).append(",Amazon Web Services Inc.,")
                .append(s == null ? "" : s.name).append(',').append(s == null ? "" : s.family).append(',')
                .append(region == null ? "" : region).append(',').append(publicCost == null ? "" : publicCost.toPlainString()).append(',')
                .append(s == null ? "" : String.valueOf(s.rate)).append(',').append(s == null ? "" : s.unit).append(',')
                .append(spArn).append(',').append(spEffective).append(',').append(spTotal).append(',').append(spUsed).append(',')
                .append(tags).append("\r\n");
    }

    /** CUR 2.0 resource_tags JSON in a CSV cell (doubled quotes); spelling variants as in real estates. */
    private static String awsTags(SplittableRandom r, String team, int acct) {
        int roll = r.nextInt(100);
        if (roll < 5) return ""; // untagged
        String teamKey = roll < 70 ? "user_team" : roll < 85 ? "user_Team" : "user_team_name";
        String env = ENVS[acct];
        int i = indexOf(TEAMS, team);
        String cc = roll < 60 ? "\"\"user_cost_center\"\": \"\"CC-" + (100 + i * 10) + "\"\", " : "\"\"user_CostCenter\"\": \"\"CC-" + (100 + i * 10) + "\"\", ";
        return "\"{\"\"" + teamKey + "\"\": \"\"" + team + "\"\", " + cc + "\"\"user_environment\"\": \"\"" + env
                + "\"\", \"\"user_product\"\": \"\"" + PRODUCTS[i] + "\"\", \"\"user_application\"\": \"\"" + APPS[r.nextInt(APPS.length)] + "\"\"}\"";
    }

    static final String FOCUS_HEADER = "BilledCost,BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodEnd,BillingPeriodStart,"
            + "ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,ChargePeriodEnd,ChargePeriodStart,ConsumedQuantity,ConsumedUnit,"
            + "ContractedCost,ContractedUnitPrice,EffectiveCost,InvoiceId,InvoiceIssuerName,ListCost,ListUnitPrice,PricingCategory,"
            + "PricingQuantity,PricingUnit,ProviderName,PublisherName,RegionId,RegionName,ResourceId,ResourceName,ResourceType,"
            + "ServiceCategory,ServiceName,SkuId,SkuPriceId,SubAccountId,SubAccountName,Tags\r\n";

    record AzService(String name, String category, String type, String unit, double rate, double qty, boolean compute) {
    }

    static final List<AzService> AZURE = List.of(
            new AzService("Virtual Machines", "Compute", "microsoft.compute/virtualmachines", "1 Hour", 0.192, 24, true),
            new AzService("Azure SQL Database", "Databases", "microsoft.sql/servers/databases", "1 Hour", 0.5, 24, true),
            new AzService("Storage", "Storage", "microsoft.storage/storageaccounts", "1 GB/Month", 0.02, 60, false),
            new AzService("Bandwidth", "Networking", "microsoft.network/publicipaddresses", "1 GB", 0.087, 25, false),
            new AzService("Azure Kubernetes Service", "Compute", "microsoft.containerservice/managedclusters", "1 Hour", 0.1, 24, true));

    /** Azure-shaped FOCUS 1.2 CSV (Cost Management FOCUS export): daily rows per resource. Returns rows written. */
    public static long azureFocus(Writer w, LocalDate lastDay, int days, int resources, long seed) {
        try {
            w.write(FOCUS_HEADER);
            long rows = 0;
            LocalDate first = lastDay.minusDays(days - 1L);
            String[] subs = {"6f1c2d3e-0000-4000-8000-00000000a001", "6f1c2d3e-0000-4000-8000-00000000a002"};
            String[] subNames = {"contoso-prod", "contoso-nonprod"};
            StringBuilder sb = new StringBuilder(1024);
            for (int d = 0; d < days; d++) {
                LocalDate day = first.plusDays(d);
                YearMonth month = YearMonth.from(day);
                double weekday = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.6 : 1.0;
                for (int r = 0; r < resources; r++) {
                    SplittableRandom rr = new SplittableRandom(seed * 7_000_003L + r);
                    AzService s = AZURE.get(r % AZURE.size());
                    int sub = rr.nextInt(10) < 6 ? 0 : 1;
                    String team = TEAMS[rr.nextInt(TEAMS.length)];
                    String region = rr.nextBoolean() ? "westeurope" : "northeurope";
                    double size = 0.5 + rr.nextDouble() * 2;
                    SplittableRandom x = new SplittableRandom(seed ^ ((long) d << 32) ^ r);
                    double qty = s.qty * size * (s.compute ? weekday : 1.0) * (0.9 + 0.2 * x.nextDouble());
                    if (d == 75 && s.name.equals("Bandwidth")) qty *= 6; // injected egress spike
                    BigDecimal q = bd(qty, 6);
                    BigDecimal list = bd(qty * s.rate, 10);
                    BigDecimal cost = bd(qty * s.rate * 0.85, 10); // EA discount: contracted < list
                    String rg = "rg-" + team;
                    String resourceId = "/subscriptions/" + subs[sub] + "/resourcegroups/" + rg + "/providers/" + s.type + "/" + team + "-" + r;
                    sb.setLength(0);
                    sb.append(cost.toPlainString()).append(",ea-8800123,Contoso EA,EUR,")
                            .append(month.plusMonths(1).atDay(1)).append("T00:00:00Z,").append(month.atDay(1)).append("T00:00:00Z,")
                            .append("Usage,,").append(s.name).append(" usage,Usage-Based,")
                            .append(day.plusDays(1)).append("T00:00:00Z,").append(day).append("T00:00:00Z,")
                            .append(q.toPlainString()).append(',').append(s.unit).append(',')
                            .append(cost.toPlainString()).append(',').append(bd(s.rate * 0.85, 10).toPlainString()).append(',')
                            .append(cost.toPlainString()).append(",G-").append(month).append(",Microsoft,")
                            .append(list.toPlainString()).append(',').append(s.rate).append(",Standard,")
                            .append(q.toPlainString()).append(',').append(s.unit).append(",Microsoft,Microsoft,")
                            .append(region).append(',').append(region.equals("westeurope") ? "West Europe" : "North Europe").append(',')
                            .append(resourceId).append(',').append(team).append('-').append(r).append(',').append(s.type).append(',')
                            .append(s.category).append(',').append(s.name).append(",SKU-").append(r % AZURE.size()).append(",SKU-")
                            .append(r % AZURE.size()).append("-P,").append(subs[sub]).append(',').append(subNames[sub]).append(',')
                            .append(azureTags(rr, team, sub)).append("\r\n");
                    w.write(sb.toString());
                    rows++;
                }
            }
            w.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String azureTags(SplittableRandom r, String team, int sub) {
        int roll = r.nextInt(100);
        if (roll < 6) return "";
        int i = indexOf(TEAMS, team);
        String teamKey = roll < 50 ? "Team" : roll < 80 ? "team" : "TEAM";
        String ccKey = roll < 55 ? "CostCenter" : "cost-center";
        return "\"{\"\"" + teamKey + "\"\": \"\"" + team + "\"\", \"\"" + ccKey + "\"\": \"\"CC-" + (100 + i * 10) + "\"\", \"\"Environment\"\": \"\""
                + (sub == 0 ? "prod" : "dev") + "\"\", \"\"Product\"\": \"\"" + PRODUCTS[i] + "\"\"}\"";
    }

    /** The invoice mapping for {@link #saasInvoice}. */
    public static final String SAAS_MAPPING = "{\"version\":\"demo-1\",\"provider\":\"SaaS vendors\",\"currency\":\"USD\","
            + "\"billingAccountId\":\"ap-demo\",\"columns\":{\"chargePeriodStart\":\"Date\",\"invoiceId\":\"Invoice\","
            + "\"provider\":\"Vendor\",\"serviceName\":\"Product\",\"description\":\"Description\",\"quantity\":\"Quantity\","
            + "\"billedCost\":\"Amount\",\"chargeCategory\":\"Type\"},\"chargeCategories\":{\"subscription\":\"Purchase\","
            + "\"usage\":\"Usage\",\"tax\":\"Tax\"},\"tags\":{\"team\":\"Team\",\"cost-center\":\"Cost Center\"}}";

    /** A SaaS invoice CSV: monthly seat subscriptions per vendor and team, daily metered usage, tax. */
    public static long saasInvoice(Writer w, LocalDate lastDay, int days, long seed) {
        String[][] vendors = {{"Datadog", "Infrastructure Monitoring", "usage"}, {"GitHub", "Enterprise seats", "subscription"},
                {"Slack", "Business+ seats", "subscription"}, {"Atlassian", "Jira Software", "subscription"},
                {"Snowflake", "Compute credits", "usage"}, {"Figma", "Organization seats", "subscription"}};
        try {
            w.write("Date,Invoice,Vendor,Product,Description,Quantity,Amount,Type,Team,Cost Center\r\n");
            long rows = 0;
            LocalDate first = lastDay.minusDays(days - 1L);
            for (int d = 0; d < days; d++) {
                LocalDate day = first.plusDays(d);
                for (int v = 0; v < vendors.length; v++) {
                    String[] vendor = vendors[v];
                    for (int t = 0; t < TEAMS.length; t++) {
                        SplittableRandom x = new SplittableRandom(seed ^ ((long) d << 20) ^ (v * 31L + t));
                        String cc = "CC-" + (100 + t * 10);
                        if (vendor[2].equals("usage")) {
                            double qty = 10 + x.nextDouble() * 40;
                            w.write(day + ",INV-" + vendor[0].toUpperCase() + "-" + YearMonth.from(day) + "," + vendor[0] + "," + vendor[1]
                                    + ",Metered usage," + bd(qty, 3).toPlainString() + "," + bd(qty * 1.9, 2).toPlainString()
                                    + ",usage," + TEAMS[t] + "," + cc + "\r\n");
                            rows++;
                        } else if (day.getDayOfMonth() == 1 || d == 0) {
                            int seats = 5 + x.nextInt(40);
                            w.write(day + ",INV-" + vendor[0].toUpperCase() + "-" + YearMonth.from(day) + "," + vendor[0] + "," + vendor[1]
                                    + ",\"" + seats + " seats, monthly\"," + seats + "," + bd(seats * 21.0, 2).toPlainString()
                                    + ",subscription," + TEAMS[t] + "," + cc + "\r\n");
                            rows++;
                        }
                    }
                }
                if (day.getDayOfMonth() == 1 || d == 0) {
                    w.write(day + ",INV-TAX-" + YearMonth.from(day) + ",SaaS vendors,Sales tax,Sales tax,," + bd(380.25, 2).toPlainString() + ",tax,,\r\n");
                    rows++;
                }
            }
            w.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BigDecimal bd(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
    }

    static int indexOf(String[] a, String v) {
        for (int i = 0; i < a.length; i++) if (a[i].equals(v)) return i;
        return 0;
    }

    /** Yesterday in UTC: demo data ends there so "recency" looks like a live feed. */
    public static LocalDate yesterdayUtc() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(1);
    }
}
