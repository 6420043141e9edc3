/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

import io.restassured.http.ContentType;

import java.util.Map;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;

/** Creates at least one object of every kind in a tenant through the public API, for the isolation walk. */
public final class IsolationFixtures {

    private IsolationFixtures() {
    }

    public static final String INVOICE = """
            Invoice Date,Invoice No,Vendor Product,Line Description,Seats,Amount (USD),Type,Team
            2024-10-01,ISO-1,CRM Cloud,"CRM Cloud, 50 seats",50,1200.00,subscription,sales
            """;
    /** A FOCUS credit row for October 2024, loaded after the period is FINAL. */
    static final String LATE_CREDIT = """
            BilledCost,BillingAccountId,BillingAccountName,BillingAccountType,BillingCurrency,BillingPeriodEnd,BillingPeriodStart,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,ChargePeriodEnd,ChargePeriodStart,CommitmentDiscountCategory,CommitmentDiscountId,CommitmentDiscountName,CommitmentDiscountStatus,CommitmentDiscountType,ConsumedQuantity,ConsumedUnit,ContractedCost,ContractedUnitPrice,EffectiveCost,InvoiceId,InvoiceIssuerName,ListCost,ListUnitPrice,PricingCategory,PricingQuantity,PricingUnit,ProviderName,PublisherName,RegionId,RegionName,ResourceId,ResourceName,ResourceType,ServiceCategory,ServiceName,SkuId,SkuPriceId,SubAccountId,SubAccountName,Tags
            -5.00,iso-credit-acct,Acme Cloud,Billing Profile,EUR,2024-11-01T00:00:00Z,2024-10-01T00:00:00Z,Credit,,late credit,One-Time,2024-10-04T00:00:00Z,2024-10-03T00:00:00Z,,,,,,,,-5.00,,-5.00,INV-2,Acme Cloud GmbH,-5.00,,,,,Acme Cloud,Acme Cloud,eu-central,Frankfurt,,,,Compute,VM,,,shop,shop,
            """;

    public static final String MAPPING = """
            {"version": "1", "provider": "Acme SaaS Vendors", "currency": "USD", "billingAccountId": "ap-vendor-42",
             "serviceCategory": "Business Applications",
             "columns": {"chargePeriodStart": "Invoice Date", "invoiceId": "Invoice No", "serviceName": "Vendor Product",
                         "description": "Line Description", "quantity": "Seats", "billedCost": "Amount (USD)", "chargeCategory": "Type"},
             "chargeCategories": {"subscription": "Purchase", "usage": "Usage"},
             "tags": {"team": "Team"}}
            """;

    static void seed(String tenant) throws InterruptedException {
        String auth = bearer(tenant, "iso-admin", TenantIsolationWalkTest.ALL_ROLES);
        String finops = bearer(tenant, "iso-finops", "finops_admin");
        given().header("Authorization", auth).get("/api/v1/me").then().statusCode(200);

        // a decision in the log
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("resourceClass", "gpu", "environment", "prod", "amount", 100, "budgetRemaining", 1000, "forecastOverrunPct", 0, "owner", "web"))
                .post("/api/v1/decisions/spend-policy/evaluate").then().statusCode(200);

        // a rule version only this tenant has
        String xml = given().header("Authorization", auth).get("/api/v1/rulesets/spend-policy/versions").then().statusCode(200)
                .extract().path("[0].hash");
        String content = given().header("Authorization", auth).get("/api/v1/rulesets/spend-policy/versions/" + xml)
                .then().statusCode(200).extract().path("content");
        given().header("Authorization", finops).contentType("application/xml")
                .body(content.replace("Within policy", "Within policy (" + tenant + ")"))
                .post("/api/v1/rulesets/spend-policy/versions?note=isolation").then().statusCode(201);

        // a mapping stored for the invoice source, an ingestion that uses it, and an allocation run over what it loaded
        given().header("Authorization", finops).contentType(ContentType.JSON).body(MAPPING)
                .put("/api/v1/sources/invoice-csv/mapping").then().statusCode(200);
        String ingestion = given().header("Authorization", finops).multiPart("source", "invoice-csv")
                .multiPart("file", "invoice.csv", INVOICE.getBytes(), "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        String status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", finops).get("/api/v1/ingestions/" + ingestion).then().extract().path("status");
        }
        if (!status.equals("succeeded")) throw new AssertionError("fixture ingestion ended " + status);
        given().header("Authorization", finops).contentType(ContentType.JSON).body(Map.of("billingPeriod", "2024-10"))
                .post("/api/v1/allocations/runs?wait=true").then().statusCode(201);
        // an inventory with a long-unattached volume and a running instance without metrics, and a findings scan that
        // finds the volume and lists the instance as insufficient-data (the scan id reaches the walk through its audit
        // entry and the coverage route, the finding through the findings list)
        given().header("Authorization", finops).contentType("text/csv")
                .body("resource_id,provider,account_id,region,kind,state,size,created_at,tags\n"
                        + "vol-iso-" + tenant + ",aws,111122223333,eu-west-1,block-volume,available,gp3,2024-01-02T00:00:00Z,team=iso\n"
                        + "i-iso-" + tenant + ",aws,111122223333,eu-west-1,compute-instance,running,m5.large,2024-01-02T00:00:00Z,team=iso\n")
                .post("/api/v1/inventory/imports?content=inventory").then().statusCode(201);
        given().header("Authorization", finops).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/findings/scan?wait=true").then().statusCode(201);
        // an invoice summary for what the invoice source loaded, and a reconciliation run over the period
        given().header("Authorization", finops).multiPart("file", "invoice-summary.csv",
                        "billing_account_id,billing_period,service,amount,currency\nap-vendor-42,2024-10,CRM Cloud,1200.00,USD\n".getBytes(), "text/csv")
                .post("/api/v1/invoices").then().statusCode(201);
        given().header("Authorization", finops).contentType(ContentType.JSON).body(Map.of("period", "2024-10"))
                .post("/api/v1/reconciliations?wait=true").then().statusCode(200);

        // a month-end close: package v1 approved by finance (the preparer is excluded), then a late credit after FINAL
        // that becomes a restatement proposal with its own package version
        given().header("Authorization", finops).post("/api/v1/close/periods/2024-10/preliminary").then().statusCode(202);
        String finance = bearer(tenant, "iso-finance", "finance");
        String review = null;
        for (int i = 0; i < 100 && review == null; i++) {
            java.util.List<Map<String, Object>> inbox = given().header("Authorization", finance).get("/api/v1/inbox").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            review = inbox.stream().filter(t -> "ReviewClose".equals(t.get("taskName"))).map(t -> (String) t.get("taskId")).findFirst().orElse(null);
            if (review == null) Thread.sleep(100);
        }
        if (review == null) throw new AssertionError("no close review task in the inbox");
        given().header("Authorization", finance).contentType(ContentType.JSON).body(Map.of("decision", "approve"))
                .post("/api/v1/inbox/" + review + "/complete").then().statusCode(200);
        String credit = given().header("Authorization", finops).multiPart("source", "focus").multiPart("connection", "iso-credits")
                .multiPart("file", "late-credit.csv", LATE_CREDIT.getBytes(), "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", finops).get("/api/v1/ingestions/" + credit).then().extract().path("status");
        }
        if (!status.equals("succeeded")) throw new AssertionError("late credit ingestion ended " + status);
        int proposals = 0;
        for (int i = 0; i < 150 && proposals == 0; i++) {
            proposals = given().header("Authorization", finops).get("/api/v1/close/periods/2024-10/restatements").then().statusCode(200)
                    .extract().path("size()");
            if (proposals == 0) Thread.sleep(200);
        }
        if (proposals == 0) throw new AssertionError("the late credit made no restatement proposal");

        // a budget, an escalated spend request (with its approval task) and a policy violation
        given().header("Authorization", finops).contentType(ContentType.JSON)
                .body(Map.of("name", "Team ml", "scopeType", "team", "scopeValue", "ml", "period", "month",
                        "amount", 5000, "currency", "EUR", "thresholds", java.util.List.of(50, 100)))
                .post("/api/v1/budgets").then().statusCode(201);
        given().header("Authorization", bearer(tenant, "iso-platform", "platform")).contentType(ContentType.JSON)
                .body(Map.of("resourceClass", "gpu", "environment", "dev", "amount", 900, "currency", "USD",
                        "owner", "ml", "description", "isolation walk"))
                .post("/api/v1/spend-requests").then().statusCode(201);
        given().header("Authorization", finops).contentType(ContentType.JSON)
                .body(Map.of("owner", "team-ml", "resourceClass", "standard", "environment", "prod", "amount", 7000,
                        "evidence", Map.of("resourceId", "i-123", "day", "2024-10-20")))
                .post("/api/v1/violations").then().statusCode(201);

        // a billing source connection (disabled: the scheduled poll has no S3 to reach here)
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("name", "iso-cur", "kind", "aws-s3", "enabled", false,
                        "config", Map.of("bucket", "iso-billing", "prefix", "cur", "exportName", "iso"),
                        "credentials", Map.of("accessKeyId", "AKIAISOLATION0001", "secretAccessKey", "iso-secret")))
                .post("/api/v1/connections").then().statusCode(201);

        // a SaaS seat source (disabled, never polled: its utilization is an empty list, still only its tenant's)
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("name", "iso-m365", "kind", "m365", "enabled", false,
                        "config", Map.of("tenantId", "iso.onmicrosoft.com", "clientId", "0f0f0f0f-0000-4000-8000-000000000150",
                                "graphEndpoint", "http://127.0.0.1:9/graph"),
                        "credentials", Map.of("secret", "iso-client-secret")))
                .post("/api/v1/connections").then().statusCode(201);

        // an outgoing integration connection, with a stored test send as its evidence (the receiver does not exist:
        // a failed test is evidence too)
        String integration = given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("name", "iso-hook", "kind", "webhook", "url", "http://127.0.0.1:9/iso-hook", "secret", "iso-webhook-secret-0001"))
                .post("/api/v1/integrations").then().statusCode(201).extract().path("id");
        given().header("Authorization", auth).post("/api/v1/integrations/" + integration + "/test").then().statusCode(200);

        // an exchange-rate set (content-addressed: its hash is only tenant A's as long as B uploads none)
        given().header("Authorization", finops).contentType(ContentType.JSON)
                .body(Map.of("note", "isolation walk", "rates", java.util.List.of(Map.of("date", "2024-10-31", "base", "EUR", "quote", "USD",
                        "rate", new java.math.BigDecimal("1.0842")))))
                .post("/api/v1/fx-rates").then().statusCode(201);

        // a carbon factor set (content-addressed like the rate set: the tenant's name makes it A's only)
        String bundledCarbon = given().header("Authorization", finops).get("/api/v1/carbon/factor-sets").then().statusCode(200)
                .extract().path("find { it.bundled }.version");
        String factors = given().header("Authorization", finops).get("/api/v1/carbon/factor-sets/" + bundledCarbon).then().statusCode(200)
                .extract().asString();
        com.fasterxml.jackson.databind.node.ObjectNode set;
        try {
            set = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(factors).get("factors");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
        set.put("name", "iso-" + tenant);
        given().header("Authorization", finops).contentType(ContentType.JSON).body(set.toString())
                .put("/api/v1/carbon/factor-sets").then().statusCode(201);

        // a business metric with a value and a unit-cost KPI over it
        given().header("Authorization", finops).contentType(ContentType.JSON).body(Map.of("unit", "requests", "scope", "team"))
                .put("/api/v1/metrics/iso-requests").then().statusCode(200);
        given().header("Authorization", finops).contentType(ContentType.JSON)
                .body("[{\"day\":\"2024-10-01\",\"scopeValue\":\"sales\",\"value\":\"10\"}]")
                .post("/api/v1/metrics/iso-requests/values").then().statusCode(200);
        given().header("Authorization", finops).contentType(ContentType.JSON)
                .body(Map.of("numerator", Map.of("dimension", "team", "value", "sales"), "metric", "iso-requests"))
                .put("/api/v1/kpis/iso-cost-per-request").then().statusCode(200);

        // an anomaly: a ledger with a spike, then detection
        String anomalyLedger = given().header("Authorization", finops).multiPart("source", "focus")
                .multiPart("file", "anomaly-ledger.csv", dev.outlay.anomalies.AnomalyApiTest.ledger().getBytes(), "text/csv")
                .post("/api/v1/ingestions").then().statusCode(202).extract().path("id");
        status = "queued";
        for (int i = 0; i < 600 && (status.equals("queued") || status.equals("running")); i++) {
            Thread.sleep(100);
            status = given().header("Authorization", finops).get("/api/v1/ingestions/" + anomalyLedger).then().extract().path("status");
        }
        given().header("Authorization", finops).contentType(ContentType.JSON).body(Map.of("from", "2024-08-15", "to", "2024-09-25"))
                .post("/api/v1/anomalies/detect").then().statusCode(200);
    }
}
