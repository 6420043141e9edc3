/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo tenant's planted savings opportunities, one per detector of detection-close-anchors §A.4/B.4, plus the
 * confounders a detector must not flag: a CUR 2.0 file of their billing (usage types and operations as AWS writes
 * them), an inventory snapshot and 14 days of daily utilization, all relative to {@code lastDay} (the demo's
 * yesterday) so the data is fresh on any date. Resource ids in the billing are the inventory's ids (CUR's
 * {@code line_item_resource_id}: instance and volume ids, the public IP, ARNs for snapshots, NAT gateways, load
 * balancers and RDS). Deterministic: same {@code lastDay} and days, same bytes. The list is in
 * docs/inventory-import.md ("Demo data").
 */
public final class DemoWaste {

    public static final String ACCOUNT = "310987654321";
    // Its own payer (a second AWS organization): a reconciliation compares two sources of one billing account as
    // two views of the same bill, and these rows are an addition to the main demo CUR, not a copy of it.
    static final String PAYER = "220987654321";
    static final String REGION = "us-east-1";
    static final String ARN = "arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":";

    public static final String IDLE_EC2 = "i-0de0000000000a01";
    public static final String OVERSIZED_EC2 = "i-0de0000000000a02";
    public static final String STOPPED_EC2 = "i-0de0000000000a03";
    public static final String PREVGEN_EC2 = "i-0de0000000000a04";
    public static final String CHATTY_EC2 = "i-0de0000000000a05";
    public static final String DR_STANDBY = "i-0de0000000000a06";
    public static final String BATCH_HOST = "i-0de0000000000a07";
    public static final String UNATTACHED_GP2 = "vol-0de0000000000b01";
    public static final String STOPPED_VOLUME = "vol-0de0000000000b02";
    public static final String ATTACHED_GP2 = "vol-0de0000000000b03";
    public static final String YOUNG_VOLUME = "vol-0de0000000000b04";
    public static final String IDLE_EIP = "198.51.100.77";
    public static final String ORPHAN_SNAPSHOT = ARN + "snapshot/snap-0de0000000000c01";
    public static final String IDLE_LB = "arn:aws:elasticloadbalancing:" + REGION + ":" + ACCOUNT
            + ":loadbalancer/app/legacy-web/0de0000000000d01";
    public static final String NAT = ARN + "natgateway/nat-0de0000000000e01";
    public static final String MULTI_AZ_DEV_DB = "arn:aws:rds:" + REGION + ":" + ACCOUNT + ":db:orders-dev";
    // The checkout application's environments (tag application=checkout): staging duplicates production's shape and
    // runs around the clock (arch.nonprod.prod-shaped on both members); dev has the same shape but runs office hours
    // and qa is two small hosts (confounders: neither is prod-shaped).
    static final String RDS = "arn:aws:rds:" + REGION + ":" + ACCOUNT + ":db:";
    public static final String CHECKOUT_PROD_WEB = "i-0de0000000000f01";
    public static final String CHECKOUT_PROD_DB = RDS + "checkout-prod";
    public static final String CHECKOUT_STAGING_WEB = "i-0de0000000000f02";
    public static final String CHECKOUT_STAGING_DB = RDS + "checkout-staging";
    public static final String CHECKOUT_DEV_WEB = "i-0de0000000000f03";
    public static final String CHECKOUT_DEV_DB = RDS + "checkout-dev";
    public static final String CHECKOUT_QA_WEB = "i-0de0000000000f04";
    public static final String CHECKOUT_QA_WORKER = "i-0de0000000000f05";
    // SaaS subscriptions (kind saas-subscription): billed per seat and day by their vendors' FOCUS exports, licence
    // counts from the generic import. GitHub: 60 seats, 34 active (waste.saas.unused-seats); Slack: 40 seats, 39
    // active (confounder: a fully used licence).
    static final String SAAS_ACCOUNT = "acme-demo";
    public static final String SAAS_GITHUB = "github-enterprise:acme-demo";
    public static final String SAAS_SLACK = "slack:acme-demo";

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.000Z'");

    private DemoWaste() {
    }

    // ---------------------------------------------------------------- billing

    static final String CUR_HEADER = "identity_line_item_id,bill_invoice_id,bill_payer_account_id,bill_payer_account_name,"
            + "bill_billing_period_start_date,bill_billing_period_end_date,line_item_usage_account_id,line_item_usage_account_name,"
            + "line_item_line_item_type,line_item_usage_start_date,line_item_usage_end_date,line_item_product_code,"
            + "line_item_usage_type,line_item_operation,line_item_availability_zone,line_item_resource_id,line_item_usage_amount,"
            + "line_item_currency_code,line_item_unblended_rate,line_item_unblended_cost,line_item_line_item_description,"
            + "product_product_name,product_product_family,product_region_code,pricing_public_on_demand_cost,pricing_unit,"
            + "resource_tags\r\n";

    /** One billed meter of one resource: quantity per day × rate; {@code weekdays}: billed Monday to Friday only. */
    private record Meter(String resourceId, String product, String productName, String family, String usageType,
                         String operation, String zone, String unit, double perDay, String rate, String tags,
                         LocalDate from, LocalDate to, boolean weekdays) {

        Meter(String resourceId, String product, String productName, String family, String usageType, String operation,
              String zone, String unit, double perDay, String rate, String tags, LocalDate from, LocalDate to) {
            this(resourceId, product, productName, family, usageType, operation, zone, unit, perDay, rate, tags, from, to, false);
        }

        boolean bills(LocalDate d) {
            return !d.isBefore(from) && !d.isAfter(to)
                    && !(weekdays && (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY));
        }
    }

    /** CUR 2.0 CSV of the planted resources: one row per meter and day over {@code days} days ending {@code lastDay}. */
    public static byte[] cur(LocalDate lastDay, int days) {
        LocalDate first = lastDay.minusDays(days - 1L);
        StringBuilder sb = new StringBuilder(1 << 16).append(CUR_HEADER);
        int n = 0;
        for (Meter m : meters(lastDay, first)) {
            for (LocalDate d = first; !d.isAfter(lastDay); d = d.plusDays(1)) {
                if (!m.bills(d)) continue;
                YearMonth month = YearMonth.from(d);
                BigDecimal qty = BigDecimal.valueOf(m.perDay).setScale(6, RoundingMode.HALF_EVEN);
                BigDecimal cost = qty.multiply(new BigDecimal(m.rate)).setScale(10, RoundingMode.HALF_EVEN);
                sb.append("waste-").append(n).append('-').append(d).append(',')
                        .append("INV-DEMO-WASTE,").append(PAYER).append(",Demo Corp Payer,")
                        .append(TS.format(month.atDay(1).atStartOfDay())).append(',')
                        .append(TS.format(month.plusMonths(1).atDay(1).atStartOfDay())).append(',')
                        .append(ACCOUNT).append(",shop-prod,Usage,")
                        .append(TS.format(d.atStartOfDay())).append(',').append(TS.format(d.plusDays(1).atStartOfDay())).append(',')
                        .append(m.product).append(',').append(m.usageType).append(',').append(m.operation).append(',')
                        .append(m.zone).append(',').append(m.resourceId).append(',').append(qty.toPlainString()).append(",USD,")
                        .append(m.rate).append(',').append(cost.toPlainString()).append(',')
                        .append("$").append(m.rate).append(" per ").append(m.unit).append(' ').append(m.usageType).append(',')
                        .append(m.productName).append(',').append(m.family).append(',').append(REGION).append(',')
                        .append(cost.toPlainString()).append(',').append(m.unit).append(',').append(m.tags).append("\r\n");
            }
            n++;
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Meter> meters(LocalDate lastDay, LocalDate first) {
        LocalDate always = first;
        List<Meter> m = new ArrayList<>();
        String search = tags("search", "prod");
        String web = tags("web", "prod");
        // idle EC2 (waste.compute.idle): billed every hour, ~0.5 % CPU
        m.add(ec2(IDLE_EC2, "m5.xlarge", "0.192", search, always, lastDay));
        // over-provisioned EC2 (rightsize.compute): ~8 % peak
        m.add(ec2(OVERSIZED_EC2, "m5.4xlarge", "0.768", tags("data", "prod"), always, lastDay));
        // previous generation (arch.compute.prevgen)
        m.add(ec2(PREVGEN_EC2, "m4.2xlarge", "0.40", tags("platform", "prod"), always, lastDay));
        // chatty app server: inter-zone transfer (arch.net.interaz)
        m.add(ec2(CHATTY_EC2, "m5.large", "0.096", web, always, lastDay));
        m.add(new Meter(CHATTY_EC2, "AmazonEC2", "Amazon Elastic Compute Cloud", "Data Transfer", "DataTransfer-Regional-Bytes",
                "InterZone-Out", "us-east-1a", "GB", 400, "0.01", web, always, lastDay));
        m.add(new Meter(CHATTY_EC2, "AmazonEC2", "Amazon Elastic Compute Cloud", "Data Transfer", "DataTransfer-Regional-Bytes",
                "InterZone-In", "us-east-1a", "GB", 15, "0.01", web, always, lastDay));
        // confounders: a DR standby (dr=true) and a bursty batch host
        m.add(ec2(DR_STANDBY, "m5.xlarge", "0.192", "\"{\"\"user_team\"\": \"\"payments\"\", \"\"user_environment\"\": \"\"prod\"\", \"\"user_dr\"\": \"\"true\"\"}\"", always, lastDay));
        m.add(ec2(BATCH_HOST, "c5.2xlarge", "0.34", tags("ml", "prod"), always, lastDay));
        // unattached gp2, 60 days old (waste.ebs.unattached, arch.ebs.gp2): 500 GiB
        m.add(ebs(UNATTACHED_GP2, "gp2", 500, "0.10", tags("search", "staging"), lastDay.minusDays(59), lastDay));
        // the stopped instance's volume, still billed (waste.ebs.on-stopped); the instance itself bills nothing
        m.add(ebs(STOPPED_VOLUME, "gp3", 200, "0.08", tags("data", "dev"), always, lastDay));
        // attached gp2 (arch.ebs.gp2)
        m.add(ebs(ATTACHED_GP2, "gp2", 300, "0.10", tags("data", "prod"), always, lastDay));
        // young volume (confounder: 5 days old)
        m.add(ebs(YOUNG_VOLUME, "gp3", 100, "0.08", tags("web", "dev"), lastDay.minusDays(4), lastDay));
        // orphan snapshot, 200 days old: its source volume is long gone
        m.add(new Meter(ORPHAN_SNAPSHOT, "AmazonEC2", "Amazon Elastic Compute Cloud", "Storage Snapshot", "EBS:SnapshotUsage",
                "CreateSnapshot", "", "GB-Mo", 100.0 / 30, "0.05", tags("search", "prod"), always, lastDay));
        // unassociated Elastic IP: AWS bills the idle public IPv4 hour under its own usage type (waste.eip.idle)
        m.add(new Meter(IDLE_EIP, "AmazonVPC", "Amazon Virtual Private Cloud", "VpcPublicIPv4Address", "PublicIPv4:IdleAddress",
                "", "", "Hrs", 24, "0.005", tags("web", "prod"), always, lastDay));
        // idle load balancer: hour rows only, no LCU (waste.lb.idle)
        m.add(new Meter(IDLE_LB, "AWSELB", "Elastic Load Balancing", "Load Balancer-Application", "LoadBalancerUsage",
                "LoadBalancing:Application", "", "Hrs", 24, "0.0225", web, always, lastDay));
        // NAT gateway processing a lot of bytes (arch.net.nat-heavy)
        m.add(new Meter(NAT, "AmazonEC2", "Amazon Elastic Compute Cloud", "NAT Gateway", "NatGateway-Hours", "NatGateway",
                "", "Hrs", 24, "0.045", tags("platform", "prod"), always, lastDay));
        m.add(new Meter(NAT, "AmazonEC2", "Amazon Elastic Compute Cloud", "NAT Gateway", "NatGateway-Bytes", "NatGateway",
                "", "GB", 300, "0.045", tags("platform", "prod"), always, lastDay));
        // RDS Multi-AZ in dev (arch.rds.multiaz-nonprod): instance and storage under the Multi-AZ usage types
        String dev = tags("payments", "dev");
        m.add(new Meter(MULTI_AZ_DEV_DB, "AmazonRDS", "Amazon Relational Database Service", "Database Instance",
                "Multi-AZUsage:db.r6g.large", "CreateDBInstance:0014", "", "Hrs", 24, "0.45", dev, always, lastDay));
        m.add(new Meter(MULTI_AZ_DEV_DB, "AmazonRDS", "Amazon Relational Database Service", "Database Storage",
                "RDS:Multi-AZ-GP2-Storage", "CreateDBInstance:0014", "", "GB-Mo", 200.0 / 30, "0.23", dev, always, lastDay));
        checkout(m, always, lastDay);
        return m;
    }

    /** The checkout application's four environments (arch.nonprod.prod-shaped and its two confounders). */
    private static void checkout(List<Meter> m, LocalDate always, LocalDate lastDay) {
        for (String env : List.of("prod", "staging")) {
            String t = tags("checkout", env, "checkout");
            m.add(ec2(env.equals("prod") ? CHECKOUT_PROD_WEB : CHECKOUT_STAGING_WEB, "m5.xlarge", "0.192", t, always, lastDay));
            m.add(rds(env.equals("prod") ? CHECKOUT_PROD_DB : CHECKOUT_STAGING_DB, "db.r5.large", "0.25", t, 24, always, lastDay, false));
        }
        // dev: production's shape, started and stopped by a 12 h weekday schedule
        String dev = tags("checkout", "dev", "checkout");
        m.add(new Meter(CHECKOUT_DEV_WEB, "AmazonEC2", "Amazon Elastic Compute Cloud", "Compute Instance", "BoxUsage:m5.xlarge",
                "RunInstances", "us-east-1a", "Hrs", 12, "0.192", dev, always, lastDay, true));
        m.add(rds(CHECKOUT_DEV_DB, "db.r5.large", "0.25", dev, 12, always, lastDay, true));
        String qa = tags("checkout", "qa", "checkout");
        m.add(ec2(CHECKOUT_QA_WEB, "t3.small", "0.0208", qa, always, lastDay));
        m.add(ec2(CHECKOUT_QA_WORKER, "t3.small", "0.0208", qa, always, lastDay));
    }

    private static Meter rds(String id, String type, String rate, String tags, double hours, LocalDate from, LocalDate to,
                             boolean weekdays) {
        return new Meter(id, "AmazonRDS", "Amazon Relational Database Service", "Database Instance", "InstanceUsage:" + type,
                "CreateDBInstance:0014", "us-east-1a", "Hrs", hours, rate, tags, from, to, weekdays);
    }

    private static Meter ec2(String id, String type, String rate, String tags, LocalDate from, LocalDate to) {
        return new Meter(id, "AmazonEC2", "Amazon Elastic Compute Cloud", "Compute Instance", "BoxUsage:" + type,
                "RunInstances", "us-east-1a", "Hrs", 24, rate, tags, from, to);
    }

    private static Meter ebs(String id, String type, int gib, String rate, String tags, LocalDate from, LocalDate to) {
        return new Meter(id, "AmazonEC2", "Amazon Elastic Compute Cloud", "Storage", "EBS:VolumeUsage." + type,
                "CreateVolume-" + (type.equals("gp2") ? "Gp2" : "Gp3"), "us-east-1a", "GB-Mo", gib / 30.0, rate, tags, from, to);
    }

    /** CUR 2.0 resource_tags JSON in a CSV cell. */
    private static String tags(String team, String env) {
        return "\"{\"\"user_team\"\": \"\"" + team + "\"\", \"\"user_environment\"\": \"\"" + env + "\"\"}\"";
    }

    private static String tags(String team, String env, String application) {
        return "\"{\"\"user_team\"\": \"\"" + team + "\"\", \"\"user_environment\"\": \"\"" + env
                + "\"\", \"\"user_application\"\": \"\"" + application + "\"\"}\"";
    }

    // ---------------------------------------------------------------- inventory

    static final String INVENTORY_HEADER = "resource_id,provider,account_id,region,zone,kind,state,size,attached_to,created_at,"
            + "state_since,tags,attributes\n";

    /** The inventory snapshot as the generic import's CSV. */
    public static byte[] inventory(LocalDate lastDay) {
        LocalDate today = lastDay.plusDays(1);
        StringBuilder sb = new StringBuilder(INVENTORY_HEADER);
        item(sb, IDLE_EC2, "us-east-1a", "compute-instance", "running", "m5.xlarge", "", today.minusDays(200), today.minusDays(30),
                "team=search;env=prod", "architecture=x86_64;lifecycle=on-demand");
        item(sb, OVERSIZED_EC2, "us-east-1a", "compute-instance", "running", "m5.4xlarge", "", today.minusDays(300), today.minusDays(60),
                "team=data;env=prod", "architecture=x86_64;lifecycle=on-demand");
        item(sb, STOPPED_EC2, "us-east-1a", "compute-instance", "stopped", "m5.large", "", today.minusDays(400), today.minusDays(120),
                "team=data;env=dev", "stateTransitionReason=User initiated;lifecycle=on-demand");
        item(sb, PREVGEN_EC2, "us-east-1a", "compute-instance", "running", "m4.2xlarge", "", today.minusDays(900), today.minusDays(90),
                "team=platform;env=prod", "architecture=x86_64;lifecycle=on-demand");
        item(sb, CHATTY_EC2, "us-east-1a", "compute-instance", "running", "m5.large", "", today.minusDays(150), today.minusDays(40),
                "team=web;env=prod", "architecture=x86_64;lifecycle=on-demand");
        item(sb, DR_STANDBY, "us-east-1b", "compute-instance", "running", "m5.xlarge", "", today.minusDays(365), today.minusDays(100),
                "team=payments;env=prod;dr=true", "architecture=x86_64;lifecycle=on-demand");
        item(sb, BATCH_HOST, "us-east-1a", "compute-instance", "running", "c5.2xlarge", "", today.minusDays(250), today.minusDays(70),
                "team=ml;env=prod;role=batch", "architecture=x86_64;lifecycle=on-demand");
        item(sb, UNATTACHED_GP2, "us-east-1a", "block-volume", "available", "gp2", "", today.minusDays(60), null,
                "team=search;env=staging", "volumeSizeGiB=500;attachmentCount=0");
        item(sb, STOPPED_VOLUME, "us-east-1a", "block-volume", "in-use", "gp3", STOPPED_EC2, today.minusDays(400), today.minusDays(400),
                "team=data;env=dev", "volumeSizeGiB=200;attachmentCount=1;device=/dev/xvda;attachedInstanceState=stopped;"
                        + "attachedInstanceStoppedDays=120");
        item(sb, ATTACHED_GP2, "us-east-1a", "block-volume", "in-use", "gp2", OVERSIZED_EC2, today.minusDays(300), today.minusDays(300),
                "team=data;env=prod", "volumeSizeGiB=300;attachmentCount=1;device=/dev/xvdf");
        item(sb, YOUNG_VOLUME, "us-east-1a", "block-volume", "available", "gp3", "", today.minusDays(5), null,
                "team=web;env=dev", "volumeSizeGiB=100;attachmentCount=0");
        item(sb, ORPHAN_SNAPSHOT, "", "volume-snapshot", "completed", "", "", today.minusDays(200), null,
                "team=search;env=prod", "snapshotId=snap-0de0000000000c01;sourceVolumeId=vol-0de00000000dead1;volumeSizeGiB=100;storageTier=standard");
        // DescribeAddresses has no creation or association time; an import may say since when it is unassociated.
        item(sb, IDLE_EIP, "", "public-ip", "unassociated", "", "", null, today.minusDays(90),
                "team=web;env=prod", "allocationId=eipalloc-0de0000000f01;domain=vpc;publicIp=" + IDLE_EIP);
        item(sb, IDLE_LB, "", "load-balancer", "active", "application", "", today.minusDays(300), null,
                "team=web;env=prod", "name=legacy-web;type=application;scheme=internet-facing;cloudWatchDimension=app/legacy-web/0de0000000000d01");
        item(sb, NAT, "", "nat-gateway", "available", "public", "", today.minusDays(500), null,
                "team=platform;env=prod", "natGatewayId=nat-0de0000000000e01;connectivityType=public");
        item(sb, MULTI_AZ_DEV_DB, "us-east-1a", "database-instance", "available", "db.r6g.large", "", today.minusDays(220), null,
                "team=payments;env=dev", "identifier=orders-dev;engine=postgres;multiAz=true;secondaryZone=us-east-1b;allocatedStorageGiB=200;storageType=gp2");
        for (String env : List.of("prod", "staging", "dev")) {
            String web = switch (env) {
                case "prod" -> CHECKOUT_PROD_WEB;
                case "staging" -> CHECKOUT_STAGING_WEB;
                default -> CHECKOUT_DEV_WEB;
            };
            String tags = "team=checkout;env=" + env + ";application=checkout";
            item(sb, web, "us-east-1a", "compute-instance", "running", "m5.xlarge", "", today.minusDays(300), today.minusDays(2),
                    tags, "architecture=x86_64;lifecycle=on-demand");
            item(sb, RDS + "checkout-" + env, "us-east-1a", "database-instance", "available", "db.r5.large", "", today.minusDays(300),
                    today.minusDays(2), tags, "identifier=checkout-" + env + ";engine=postgres;multiAz=false;allocatedStorageGiB=100");
        }
        saasItem(sb, SAAS_GITHUB, "github", "enterprise", today, "team=platform", 60, 34);
        saasItem(sb, SAAS_SLACK, "slack", "business-plus", today, "team=platform", 40, 39);
        for (String qa : List.of(CHECKOUT_QA_WEB, CHECKOUT_QA_WORKER)) {
            item(sb, qa, "us-east-1a", "compute-instance", "running", "t3.small", "", today.minusDays(300), today.minusDays(30),
                    "team=checkout;env=qa;application=checkout", "architecture=x86_64;lifecycle=on-demand");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void saasItem(StringBuilder sb, String id, String provider, String plan, LocalDate today, String tags,
                                 int purchased, int active) {
        sb.append(id).append(',').append(provider).append(',').append(SAAS_ACCOUNT).append(",,,saas-subscription,active,")
                .append(plan).append(",,").append(today.minusDays(400)).append("T00:00:00Z,,").append(tags)
                .append(",seatsPurchased=").append(purchased).append(";seatsActive=").append(active)
                .append(";activityWindowDays=30\n");
    }

    // ---------------------------------------------------------------- SaaS billing

    static final String FOCUS_HEADER = "BilledCost,BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodEnd,"
            + "BillingPeriodStart,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,ChargePeriodEnd,ChargePeriodStart,"
            + "ConsumedQuantity,ConsumedUnit,ContractedCost,EffectiveCost,InvoiceIssuerName,ListCost,PricingCategory,PricingQuantity,"
            + "PricingUnit,ProviderName,PublisherName,RegionId,RegionName,ResourceId,ServiceCategory,ServiceName,SubAccountId,"
            + "SubAccountName,Tags\n";

    /**
     * The two subscriptions' seat charges as their vendors' FOCUS exports give them: one row per subscription and day
     * over {@code days} days ending {@code lastDay}, seats × daily seat rate (GitHub 60 × 0.70, Slack 40 × 0.40).
     */
    public static byte[] saasFocus(LocalDate lastDay, int days) {
        StringBuilder sb = new StringBuilder(FOCUS_HEADER);
        for (LocalDate d = lastDay.minusDays(days - 1L); !d.isAfter(lastDay); d = d.plusDays(1)) {
            focus(sb, d, SAAS_GITHUB, "GitHub", "Developer Tools", "GitHub Enterprise Cloud", 60, "0.70");
            focus(sb, d, SAAS_SLACK, "Slack", "Business Applications", "Slack Business+", 40, "0.40");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void focus(StringBuilder sb, LocalDate d, String id, String vendor, String category, String service,
                              int seats, String seatDay) {
        String cost = new BigDecimal(seatDay).multiply(BigDecimal.valueOf(seats)).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        YearMonth month = YearMonth.from(d);
        sb.append(cost).append(',').append(SAAS_ACCOUNT).append(",Acme Demo,USD,").append(month.plusMonths(1).atDay(1))
                .append("T00:00:00Z,").append(month.atDay(1)).append("T00:00:00Z,Usage,,").append(service).append(" seats,Recurring,")
                .append(d.plusDays(1)).append("T00:00:00Z,").append(d).append("T00:00:00Z,").append(seats).append(",Seats,")
                .append(cost).append(',').append(cost).append(',').append(vendor).append(',').append(cost).append(",Standard,")
                .append(seats).append(",Seats,").append(vendor).append(',').append(vendor).append(",,,").append(id).append(',')
                .append(category).append(',').append(service).append(',').append(SAAS_ACCOUNT).append(",Acme Demo,")
                .append("\"{\"\"team\"\":\"\"platform\"\"}\"\n");
    }

    private static void item(StringBuilder sb, String id, String zone, String kind, String state, String size, String attachedTo,
                             LocalDate created, LocalDate since, String tags, String attributes) {
        sb.append(id).append(",aws,").append(ACCOUNT).append(',').append(REGION).append(',').append(zone).append(',')
                .append(kind).append(',').append(state).append(',').append(size).append(',').append(attachedTo).append(',')
                .append(created == null ? "" : created + "T00:00:00Z").append(',').append(since == null ? "" : since + "T00:00:00Z")
                .append(',').append(tags).append(',').append(attributes).append('\n');
    }

    // ---------------------------------------------------------------- metrics

    static final String METRICS_HEADER = "resource_id,metric,period_start,period_seconds,average,maximum,sum\n";
    static final int METRIC_DAYS = 14;
    static final long MB = 1024L * 1024;
    static final long GB = 1024L * MB;

    /**
     * {@value #METRIC_DAYS} days of daily samples ending {@code lastDay}. The previous-generation host misses one
     * day (a collector outage): that day is stored as a gap, never as an idle day.
     */
    public static byte[] metrics(LocalDate lastDay) {
        StringBuilder sb = new StringBuilder(METRICS_HEADER);
        for (int i = METRIC_DAYS - 1; i >= 0; i--) {
            LocalDate d = lastDay.minusDays(i);
            int w = i % 3; // a small, deterministic wobble
            cpu(sb, IDLE_EC2, d, "0.4" + w, "1." + (2 + w));
            net(sb, IDLE_EC2, d, (180 + 10 * w) * 1024L, (120 + 10 * w) * 1024L);
            cpu(sb, OVERSIZED_EC2, d, "3." + (5 + w), "7." + (6 + w));
            net(sb, OVERSIZED_EC2, d, 4 * GB, 6 * GB);
            if (i != 6) {
                cpu(sb, PREVGEN_EC2, d, "3" + (4 + w) + ".0", "7" + (1 + w) + ".0");
                net(sb, PREVGEN_EC2, d, 20 * GB, 18 * GB);
            }
            cpu(sb, CHATTY_EC2, d, "4" + w + ".0", "8" + w + ".0");
            net(sb, CHATTY_EC2, d, 15 * GB, 400 * GB);
            cpu(sb, DR_STANDBY, d, "0.3" + w, "0.9");
            net(sb, DR_STANDBY, d, 90 * 1024L, 60 * 1024L);
            // two hours a day at ~90 %, idle otherwise: a low average, a high peak
            cpu(sb, BATCH_HOST, d, "7.5", "9" + (1 + w) + ".0");
            net(sb, BATCH_HOST, d, 25 * GB, 3 * GB);
            ops(sb, UNATTACHED_GP2, d, 0, 0);
            ops(sb, YOUNG_VOLUME, d, 0, 0);
            ops(sb, ATTACHED_GP2, d, 80_000 + 1000L * w, 120_000);
            sample(sb, IDLE_LB, "request-count", d, "", "", String.valueOf(3 + 2 * w));
            cpuOf(sb, MULTI_AZ_DEV_DB, d, "6." + w, "18.0");
            sample(sb, MULTI_AZ_DEV_DB, "db-connections", d, "2", "4", "");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void cpu(StringBuilder sb, String id, LocalDate d, String avg, String max) {
        cpuOf(sb, id, d, avg, max);
    }

    private static void cpuOf(StringBuilder sb, String id, LocalDate d, String avg, String max) {
        sample(sb, id, "cpu-utilization", d, avg, max, "");
    }

    private static void net(StringBuilder sb, String id, LocalDate d, long in, long out) {
        sample(sb, id, "network-in", d, "", "", String.valueOf(in));
        sample(sb, id, "network-out", d, "", "", String.valueOf(out));
    }

    private static void ops(StringBuilder sb, String id, LocalDate d, long read, long write) {
        sample(sb, id, "volume-read-ops", d, "", "", String.valueOf(read));
        sample(sb, id, "volume-write-ops", d, "", "", String.valueOf(write));
    }

    private static void sample(StringBuilder sb, String id, String metric, LocalDate d, String avg, String max, String sum) {
        sb.append(id).append(',').append(metric).append(',').append(d).append("T00:00:00Z,86400,")
                .append(avg).append(',').append(max).append(',').append(sum).append('\n');
    }
}
