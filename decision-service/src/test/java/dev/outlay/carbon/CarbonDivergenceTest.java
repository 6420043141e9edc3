/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon;

import dev.outlay.carbon.api.CarbonReport;
import dev.outlay.carbon.api.CarbonReports;
import dev.outlay.ingestion.IngestionService;
import dev.outlay.model.SourceKind;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A provider's carbon export imported through the API and compared with Outlay's estimate of the same ledger: a
 * month of EC2 and S3 usage loaded as a CUR, an AWS carbon emissions export whose EC2 figure is 1.25 × Outlay's
 * (ratio 0.8: within [0.5, 2]), whose S3 figure is 5 × Outlay's (ratio 0.2: divergence) and which has CloudFront
 * that the ledger does not (provider only). A bad file is refused whole and stores nothing.
 */
@QuarkusTest
class CarbonDivergenceTest {

    static final String T = "carbon-divergence";
    static final String HEADER = "identity_line_item_id,bill_invoice_id,bill_payer_account_id,bill_billing_period_start_date,"
            + "bill_billing_period_end_date,line_item_usage_account_id,line_item_line_item_type,line_item_usage_start_date,"
            + "line_item_usage_end_date,line_item_product_code,line_item_usage_type,line_item_operation,line_item_resource_id,"
            + "line_item_usage_amount,line_item_currency_code,line_item_unblended_cost,product_product_name,product_region_code,"
            + "pricing_public_on_demand_cost,pricing_unit\n";

    @Inject
    TenantRegistry tenants;

    @Inject
    IngestionService ingestion;

    @Inject
    CarbonReports reports;

    static String ledger() {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int d = 1; d <= 31; d++) {
            LocalDate day = LocalDate.of(2026, 10, d);
            String common = ",INV-CD,220987654321,2026-10-01T00:00:00Z,2026-11-01T00:00:00Z,310987654321,Usage," + day + "T00:00:00Z,"
                    + day.plusDays(1) + "T00:00:00Z,";
            sb.append("cd-ec2-").append(d).append(common).append("AmazonEC2,BoxUsage:m5.large,RunInstances,i-0cd0000000000001,24,USD,2.304,")
                    .append("Amazon Elastic Compute Cloud,us-east-1,2.304,Hrs\n");
            sb.append("cd-s3-").append(d).append(common).append("AmazonS3,TimedStorage-ByteHrs,PutObject,carbon-divergence-bucket,")
                    .append("100,USD,2.30,Amazon Simple Storage Service,us-east-1,2.30,GB-Mo\n");
        }
        return sb.toString();
    }

    static String tonnes(BigDecimal kg, String factor) {
        return kg.multiply(new BigDecimal(factor)).divide(BigDecimal.valueOf(1000)).toPlainString();
    }

    static void eq(BigDecimal expected, Object actual) {
        assertEquals(0, expected.compareTo(new BigDecimal(actual.toString())), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void theExportIsStoredAndComparedPerMonthAndService() {
        tenants.ensure(T, T, false);
        TenantContext.runAs(TenantContext.system(T), () -> ingestion.ingestNow(
                new IngestionService.Request(SourceKind.AWS_CUR, "carbon-divergence", "cd-cur.csv", null),
                new ByteArrayInputStream(ledger().getBytes(StandardCharsets.UTF_8))));
        CarbonReport outlay = TenantContext.runAs(TenantContext.system(T), () -> reports.report("provider,service", "2026-10-01", "2026-11-01", null));
        BigDecimal ec2 = kg(outlay, "Amazon Elastic Compute Cloud");
        BigDecimal s3 = kg(outlay, "Amazon Simple Storage Service");

        String fo = bearer(T, "cd-fo", "finops_admin");
        String export = "\uFEFFusage_period_start,usage_period_end,payer_account_id,usage_account_id,product_code,region_code,location,"
                + "total_lbm_emissions_value,total_lbm_emissions_unit,total_mbm_emissions_value,total_mbm_emissions_unit,model_version,"
                + "last_refresh_timestamp\n"
                + "2026-10-01 00:00:00Z,2026-11-01 00:00:00Z,220987654321,310987654321,AmazonEC2,us-east-1,\"US East (N. Virginia)\","
                + tonnes(ec2, "1.25") + ",MTCO2e,0.0001,MTCO2e,v2.0.0,2026-11-20 06:00:00Z\n"
                + "2026-10-01 00:00:00Z,2026-11-01 00:00:00Z,220987654321,310987654321,AmazonS3,us-east-1,\"US East (N. Virginia)\","
                + tonnes(s3, "5") + ",MTCO2e,NULL,NULL,v2.0.0,2026-11-20 06:00:00Z\n"
                + "2026-10-01 00:00:00Z,2026-11-01 00:00:00Z,220987654321,310987654321,AmazonCloudFront,Global,Global,"
                + "0.00002,MTCO2e,0.00001,MTCO2e,v2.0.0,2026-11-20 06:00:00Z\n";

        // refused whole: one bad line of three stores nothing
        String bad = export.replace("0.00002,MTCO2e", "0.00002,lbCO2e");
        given().header("Authorization", fo).contentType("text/csv").body(bad.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/carbon/provider-exports?provider=aws").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].line", equalTo(4)).body("errors[0].field", equalTo("total_lbm_emissions_unit"));
        given().header("Authorization", fo).get("/api/v1/carbon/provider-exports").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", fo).contentType("text/csv").body(export.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/carbon/provider-exports?provider=oracle").then().statusCode(400).body("errors[0].field", equalTo("provider"));
        given().header("Authorization", bearer(T, "cd-fin", "finance")).contentType("text/csv").body(export.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/carbon/provider-exports?provider=aws").then().statusCode(403);

        given().header("Authorization", fo).contentType("text/csv").body(export.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/carbon/provider-exports?provider=aws&fileName=oct.csv").then().statusCode(201)
                .body("rows", equalTo(3)).body("months", equalTo(List.of("2026-10")));
        // a re-import of the month replaces its rows, it does not add to them
        given().header("Authorization", fo).contentType("text/csv").body(export.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/carbon/provider-exports?provider=aws&fileName=oct-again.csv").then().statusCode(201);

        String url = "/api/v1/carbon/divergence?provider=aws&from=2026-10&to=2026-11";
        String json = given().header("Authorization", bearer(T, "cd-lead", "leadership")).get(url).then().statusCode(200).extract().asString();
        JsonPath p = JsonPath.from(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals(List.of("v2.0.0"), p.getList("providerModelVersions"));
        List<Map<String, Object>> rows = p.getList("rows");
        assertEquals(3, rows.size(), p.prettify());
        Map<String, Object> cf = rows.get(0);
        assertEquals("Amazon CloudFront", cf.get("service"));
        eq(new BigDecimal("0.02"), cf.get("providerLbmKg"));
        assertEquals("PROVIDER_ONLY", cf.get("status"));
        Map<String, Object> e = rows.get(1);
        assertEquals("Amazon Elastic Compute Cloud", e.get("service"));
        eq(ec2.multiply(new BigDecimal("1.25")), e.get("providerLbmKg"));
        eq(new BigDecimal("0.1"), e.get("providerMbmKg"));
        eq(ec2, e.get("outlayKg"));
        eq(new BigDecimal("0.8000"), e.get("ratio"));
        assertEquals("WITHIN", e.get("status"));
        Map<String, Object> s = rows.get(2);
        assertEquals("Amazon Simple Storage Service", s.get("service"));
        eq(new BigDecimal("0.2000"), s.get("ratio"));
        assertEquals("METHOD_DIVERGENCE", s.get("status"));
        // month total: Outlay (ec2 + s3) over provider (1.25 ec2 + 5 s3 + 0.02)
        BigDecimal total = ec2.add(s3).divide(ec2.multiply(new BigDecimal("1.25")).add(s3.multiply(BigDecimal.valueOf(5))).add(new BigDecimal("0.02")),
                4, RoundingMode.HALF_EVEN);
        eq(total, p.get("months[0].ratio"));
        assertEquals(json, given().header("Authorization", fo).get(url).then().statusCode(200).extract().asString(), "same inputs, same bytes");

        given().header("Authorization", fo).get("/api/v1/carbon/divergence?provider=aws&from=2026-10").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().header("Authorization", bearer("carbon-divergence-b", "b", "finops_admin")).get(url).then().statusCode(200)
                .body("rows.size()", equalTo(0));
        given().header("Authorization", bearer(T, "cd-appr", "approver")).get(url).then().statusCode(403);
    }

    private static BigDecimal kg(CarbonReport r, String service) {
        return r.rows().stream().filter(x -> service.equals(x.group().get("service"))).findFirst().orElseThrow(() -> new AssertionError(service + " in " + r))
                .kgCo2e();
    }
}
