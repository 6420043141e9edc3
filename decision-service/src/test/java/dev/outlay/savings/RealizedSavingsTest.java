/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.savings;

import dev.outlay.demo.DemoInventorySeeder;
import dev.outlay.demo.DemoWaste;
import dev.outlay.ingestion.IngestionService;
import dev.outlay.model.SourceKind;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Realized savings of findings actioned through the findings API, against ledger rows loaded before and after:
 * the demo's planted resources (billing, inventory, utilization) give the findings and their baselines (30 days
 * before the action); a second CUR file, dated after the action, is what the resources billed then. Hand-computed:
 * <ul>
 *   <li>idle m5.xlarge (STOP): baseline 24 h × 0.192 = 4.608/day, nothing billed after → 4.608 × 30 = 138.24, FULL;</li>
 *   <li>over-provisioned m5.4xlarge (RESIZE) → m5.xlarge, now also off half the day: before 720 h for 552.96 = 0.768/h,
 *       after 12 h × 30 = 360 h at 0.192/h; realized = (0.768 − 0.192) × 360 = 207.36 (per hour: the hours it no longer
 *       runs are not the resize's saving; per day it would claim (18.432 − 2.304) × 30 = 483.84). Its two days of the old
 *       size inside the 2-day settle window do not count;</li>
 *   <li>unattached gp2, 500 GiB (DELETE): 500 / 30 GB-Mo × 0.10 = 1.6666667/day → baseline 1.666667 (scale 6) × 30 =
 *       50.00001, FULL; its second finding (arch.ebs.gp2, MIGRATE) is left open and counts for nothing, neither as
 *       opportunity (the resource is deleted) nor twice;</li>
 *   <li>previous-generation m4.2xlarge (MIGRATE) moved to an m5.4xlarge: 0.40/h → 0.768/h, bounded at 0 (no negative
 *       savings), PARTIAL.</li>
 * </ul>
 * Commitments on one day 40 days out: a Savings-Plan-covered m5.large (ODE 2.304, effective 1.536), an on-demand
 * m5.large (2.304) and the plan's fee (commitment 2.00, used 1.536: 0.464 unused). Savings = 2.304 − 1.536 = 0.768;
 * ESR = 1 − (1.536 + 2.304 + 0.464) ÷ (2.304 + 2.304) = 1 − 4.304 / 4.608 = 0.065972 (6 places).
 */
@QuarkusTest
class RealizedSavingsTest {

    static final String T = "realized-savings";
    static final String HEADER = "identity_line_item_id,bill_invoice_id,bill_payer_account_id,bill_payer_account_name,"
            + "bill_billing_period_start_date,bill_billing_period_end_date,line_item_usage_account_id,line_item_usage_account_name,"
            + "line_item_line_item_type,line_item_usage_start_date,line_item_usage_end_date,line_item_product_code,"
            + "line_item_usage_type,line_item_operation,line_item_availability_zone,line_item_resource_id,line_item_usage_amount,"
            + "line_item_currency_code,line_item_unblended_rate,line_item_unblended_cost,line_item_line_item_description,"
            + "product_product_name,product_product_family,product_region_code,pricing_public_on_demand_cost,pricing_unit,"
            + "resource_tags,savings_plan_savings_plan_a_r_n,savings_plan_savings_plan_effective_cost,"
            + "savings_plan_total_commitment_to_date,savings_plan_used_commitment\r\n";
    static final String SP = "arn:aws:savingsplans::310987654321:savingsplan/sp-0de0000000000001";

    @Inject
    TenantRegistry tenants;

    @Inject
    DemoInventorySeeder seeder;

    @Inject
    IngestionService ingestion;

    private static void eq(String expected, Object actual) {
        assertNotNull(actual, "expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())), () -> "expected " + expected + ", got " + actual);
    }

    private static int n;

    /** One CUR line; {@code sp}: the plan's ARN, effective cost, total and used commitment (or nulls). */
    private static void line(StringBuilder sb, LocalDate d, String type, String resource, String usageType, String hours,
                             String rate, String cost, String publicCost, String unit, String... sp) {
        YearMonth m = YearMonth.from(d);
        sb.append("post-").append(n++).append(",INV-POST,220987654321,Demo Corp Payer,")
                .append(m.atDay(1)).append("T00:00:00.000Z,").append(m.plusMonths(1).atDay(1)).append("T00:00:00.000Z,")
                .append(DemoWaste.ACCOUNT).append(",shop-prod,").append(type).append(',')
                .append(d).append("T00:00:00.000Z,").append(d.plusDays(1)).append("T00:00:00.000Z,")
                .append("AmazonEC2,").append(usageType).append(",RunInstances,us-east-1a,").append(resource).append(',')
                .append(hours).append(",USD,").append(rate).append(',').append(cost).append(",post-action line,")
                .append("Amazon Elastic Compute Cloud,Compute Instance,us-east-1,").append(publicCost).append(',').append(unit).append(",,")
                .append(sp.length == 0 ? ",,," : String.join(",", sp)).append("\r\n");
    }

    static byte[] afterAction(LocalDate today) {
        StringBuilder sb = new StringBuilder(HEADER);
        // the resize: two settle days still at the old size, then 30 days of the new size, 12 hours a day
        for (int i = 0; i < 2; i++) {
            line(sb, today.plusDays(i), "Usage", DemoWaste.OVERSIZED_EC2, "BoxUsage:m5.4xlarge", "24", "0.768", "18.432", "18.432", "Hrs");
        }
        for (int i = 2; i < 32; i++) {
            LocalDate d = today.plusDays(i);
            line(sb, d, "Usage", DemoWaste.OVERSIZED_EC2, "BoxUsage:m5.xlarge", "12", "0.192", "2.304", "2.304", "Hrs");
            line(sb, d, "Usage", DemoWaste.PREVGEN_EC2, "BoxUsage:m5.4xlarge", "24", "0.768", "18.432", "18.432", "Hrs");
        }
        LocalDate d = today.plusDays(40);
        line(sb, d, "SavingsPlanCoveredUsage", "i-0de00000000005a1", "BoxUsage:m5.large", "24", "0.096", "2.304", "2.304", "Hrs",
                SP, "1.536", "", "");
        line(sb, d, "Usage", "i-0de00000000005a2", "BoxUsage:m5.large", "24", "0.096", "2.304", "2.304", "Hrs");
        line(sb, d, "SavingsPlanRecurringFee", "", "ComputeSP:1yrNoUpfront", "1", "2.00", "2.00", "", "Hrs", SP, "", "2.00", "1.536");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void actionedFindingsRealizeWhatTheLedgerShowsAfterTheSettleWindow() throws InterruptedException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate lastDay = today.minusDays(1);
        tenants.ensure(T, T, false);
        TenantContext.runAs(TenantContext.system(T), () -> seeder.seedNow(lastDay, 60));
        String fo = bearer(T, "rs-fo", "finops_admin");
        String scan = given().header("Authorization", fo).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/findings/scan?asOf=" + lastDay).then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 1200 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(250);
            status = given().header("Authorization", fo).get("/api/v1/findings/scans/" + scan).then().statusCode(200).extract().path("status");
        }
        assertEquals("succeeded", status);
        List<Map<String, Object>> all = given().header("Authorization", fo).get("/api/v1/findings").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        List<Map<String, Object>> open = new java.util.ArrayList<>();
        for (Map<String, Object> f : all) {
            byKey.put(f.get("resourceId") + " " + f.get("detector"), f);
            if (SavingsReader.OPEN.contains((String) f.get("status"))) open.add(f);
        }
        // opportunity before any action: one finding per resource (the report's overlap count is what the list implies)
        long resources = open.stream().map(f -> f.get("resourceId")).distinct().count();
        String url = "/api/v1/savings?from=" + lastDay + "&to=" + today.plusDays(1);
        JsonPath before = JsonPath.from(given().header("Authorization", fo).get(url).then().statusCode(200).extract().asString());
        assertEquals(open.size() - resources, before.getInt("overlappingFindings"));
        assertEquals(resources, before.getList("opportunity.findings", Integer.class).stream().mapToInt(Integer::intValue).sum());
        assertTrue(before.getInt("overlappingFindings") >= 1, "the unattached gp2 volume has two findings");

        Map<String, String> acted = new TreeMap<>();
        for (String[] k : List.of(new String[]{DemoWaste.IDLE_EC2, "waste.compute.idle", "STOP"},
                new String[]{DemoWaste.OVERSIZED_EC2, "waste.compute.overprovisioned", "RESIZE"},
                new String[]{DemoWaste.UNATTACHED_GP2, "waste.ebs.unattached", "DELETE"},
                new String[]{DemoWaste.PREVGEN_EC2, "arch.compute.prevgen", "MIGRATE"})) {
            Map<String, Object> f = byKey.get(k[0] + " " + k[1]);
            assertNotNull(f, k[0] + " " + k[1] + " in " + byKey.keySet());
            assertEquals(k[2], f.get("action"));
            String id = (String) f.get("id");
            given().header("Authorization", fo).contentType(ContentType.JSON).body(Map.of("reason", "done"))
                    .post("/api/v1/findings/" + id + "/action").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("actioned"));
            acted.put(k[0], id);
        }
        // nothing after the action yet: pending, nothing claimed
        JsonPath pending = JsonPath.from(given().header("Authorization", fo).get(url).then().statusCode(200).extract().asString());
        assertEquals(List.of("PENDING"), pending.getList("realized.status").stream().distinct().toList());

        TenantContext.runAs(TenantContext.system(T), () -> ingestion.ingestNow(
                new IngestionService.Request(SourceKind.AWS_CUR, "post-action", "post-action-cur2.csv", null),
                new ByteArrayInputStream(afterAction(today))));

        String json = given().header("Authorization", fo).get(url).then().statusCode(200).extract().asString();
        JsonPath p = JsonPath.from(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        Map<String, Map<String, Object>> realized = new HashMap<>();
        for (Map<String, Object> r : p.<Map<String, Object>>getList("realized")) realized.put((String) r.get("findingId"), r);
        assertEquals(4, realized.size(), p.prettify());

        Map<String, Object> idle = realized.get(acted.get(DemoWaste.IDLE_EC2));
        eq("4.608", idle.get("baselineDaily"));
        assertEquals(30, ((Number) idle.get("postDays")).intValue());
        eq("138.24", idle.get("realized"));
        assertEquals("FULL", idle.get("status"));
        assertEquals("PER_DAY", idle.get("method"));

        Map<String, Object> resized = realized.get(acted.get(DemoWaste.OVERSIZED_EC2));
        eq("18.432", resized.get("baselineDaily"));
        eq("2.304", resized.get("postDaily"));
        eq("207.36", resized.get("realized"));
        assertEquals("PARTIAL", resized.get("status"));
        assertEquals("PER_HOUR", resized.get("method"));

        Map<String, Object> deleted = realized.get(acted.get(DemoWaste.UNATTACHED_GP2));
        eq("1.666667", deleted.get("baselineDaily"));
        eq("50.00001", deleted.get("realized"));
        assertEquals("FULL", deleted.get("status"));

        Map<String, Object> migrated = realized.get(acted.get(DemoWaste.PREVGEN_EC2));
        eq("9.6", migrated.get("baselineDaily"));
        eq("0", migrated.get("realized"));
        assertEquals("PARTIAL", migrated.get("status"));

        // the actioned findings are no opportunity any more; the gp2 volume's other finding (MIGRATE) is still open and
        // now the only open finding of its resource: opportunity is one finding per resource of what is still open
        long stillOpen = open.stream().filter(f -> !acted.containsValue((String) f.get("id"))).map(f -> f.get("resourceId")).distinct().count();
        assertEquals(stillOpen, p.getList("opportunity.findings", Integer.class).stream().mapToInt(Integer::intValue).sum(),
                "open findings, one per resource");
        assertTrue(open.stream().anyMatch(f -> DemoWaste.UNATTACHED_GP2.equals(f.get("resourceId")) && "arch.ebs.gp2".equals(f.get("detector"))));

        // commitments held on the day they were billed (a window with nothing else in it)
        LocalDate spDay = today.plusDays(40);
        JsonPath c = JsonPath.from(given().header("Authorization", fo).get("/api/v1/savings?from=" + spDay + "&to=" + spDay.plusDays(1))
                .then().statusCode(200).extract().asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals(1, c.getList("commitmentRealized").size(), c.prettify());
        eq("2.304", c.get("commitmentRealized[0].coveredOde"));
        eq("1.536", c.get("commitmentRealized[0].coveredEffective"));
        eq("0.768", c.get("commitmentRealized[0].savings"));
        eq("4.608", c.get("commitmentRealized[0].eligibleOde"));
        eq("3.840", c.get("commitmentRealized[0].eligibleEffective"));
        eq("0.464", c.get("commitmentRealized[0].unusedCommitment"));
        eq("0.065972", c.get("commitmentRealized[0].effectiveSavingsRate"));

        // same inputs, same bytes
        assertEquals(json, given().header("Authorization", fo).get(url).then().statusCode(200).extract().asString());
        String csv = given().header("Authorization", fo).get(url + "&format=csv").then().statusCode(200).extract().asString();
        assertEquals(csv, given().header("Authorization", fo).get(url + "&format=csv").then().statusCode(200).extract().asString());
    }
}
