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
package dev.outlay.connectors.gcp;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.model.ChargeCategory;
import dev.outlay.model.ChargeClass;
import dev.outlay.model.Charge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The real BigQuery client against a local WireMock serving the REST shapes of jobs.query and
 * jobs.get + tabledata.list (schema with nested RECORD and REPEATED fields, NULL cells, a second page by pageToken).
 */
class GcpBillingReaderTest {

    static final String PROJECT = "billing-reader";
    static final String QUERIES = "/bigquery/v2/projects/" + PROJECT + "/queries";
    /** Client 2.59 pages on with tabledata.list over the query's anonymous destination table (named by jobs.get). */
    static final String PAGES = "/bigquery/v2/projects/" + PROJECT + "/datasets/_anon_fixture/tables/anon_result/data";

    WireMockServer wm;
    GcpBillingReader reader;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        reader = new GcpBillingReader(new GcpBigQueryConfig(PROJECT, "billing_export",
                "gcp_billing_export_resource_v1_01A2B3_C4D5E6_F7A8B9", null, URI.create(wm.baseUrl())), 2);
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    static String fixture(String name) {
        try (InputStream in = GcpBillingReaderTest.class.getResourceAsStream("/gcp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void serveTwoPages() {
        serveJob();
        wm.stubFor(post(urlPathEqualTo(QUERIES)).willReturn(okJson(fixture("query-page1.json"))));
        wm.stubFor(get(urlPathEqualTo(PAGES)).withQueryParam("pageToken", equalTo("PAGE-2"))
                .willReturn(okJson(fixture("tabledata-page2.json"))));
    }

    /** jobs.get: the client looks the job up before it pages on with the pageToken. */
    void serveJob() {
        wm.stubFor(get(urlPathEqualTo("/bigquery/v2/projects/" + PROJECT + "/jobs/job_gcp_fixture_1"))
                .willReturn(okJson(fixture("job.json"))));
    }

    String unmatched() {
        return wm.findAllUnmatchedRequests().stream().map(r -> r.getMethod() + " " + r.getUrl()).toList().toString();
    }

    @Test
    void readsBothPagesAndMapsEveryCostType() {
        serveTwoPages();
        GcpBillingRead read = reader.read("202501", null);
        assertEquals(List.of(), wm.findAllUnmatchedRequests().stream().map(LoggedRequest::getUrl).toList(), unmatched());
        assertTrue(read.changed());
        assertEquals(4, read.rows().size());
        assertEquals("gcp-billing-export-v1/2", read.schemaVersion());

        // Table: cost_type → category, class, billed, effective.
        record Expect(ChargeCategory category, ChargeClass chargeClass, String billed, String effective) {}
        List<Expect> expected = List.of(
                new Expect(ChargeCategory.USAGE, null, "12.345678", "10.645678"),
                new Expect(ChargeCategory.TAX, null, "1.10", "1.10"),
                new Expect(ChargeCategory.ADJUSTMENT, ChargeClass.CORRECTION, "-0.75", "-0.75"),
                new Expect(ChargeCategory.ADJUSTMENT, null, "0.000001", "0"));
        for (int i = 0; i < expected.size(); i++) {
            Charge c = read.rows().get(i).charge();
            Expect e = expected.get(i);
            assertEquals(e.category(), c.chargeCategory(), "row " + (i + 1));
            assertEquals(e.chargeClass(), c.chargeClass(), "row " + (i + 1));
            assertEquals(0, new BigDecimal(e.billed()).compareTo(c.billedCost()), "billed row " + (i + 1));
            assertEquals(0, new BigDecimal(e.effective()).compareTo(c.effectiveCost()), "effective row " + (i + 1));
            assertEquals("USD", c.billingCurrency());
            assertEquals(Instant.parse("2025-01-01T00:00:00Z"), c.billingPeriodStart());
            assertEquals(Instant.parse("2025-02-01T00:00:00Z"), c.billingPeriodEnd());
        }

        // Totals to the cent (and beyond): Σ cost, Σ credits, Σ net against the fixture's own sums.
        BigDecimal billed = read.rows().stream().map(r -> r.charge().billedCost()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal effective = read.rows().stream().map(r -> r.charge().effectiveCost()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = read.rows().stream().flatMap(r -> r.credits().stream()).map(GcpCredit::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("12.695679").compareTo(billed), billed.toPlainString());
        assertEquals(0, new BigDecimal("-1.700001").compareTo(credits), credits.toPlainString());
        assertEquals(0, billed.add(credits).compareTo(effective));

        // Watermark: the newest export_time (row 4 writes it as integer microseconds).
        assertEquals(Instant.parse("2025-01-29T08:00:00.123456Z"), read.watermark());
    }

    @Test
    void mapsNestedRecordsRepeatedLabelsAndNulls() {
        serveTwoPages();
        List<GcpBillingRow> rows = reader.read("202501", null).rows();
        GcpBillingRow usage = rows.get(0);
        Charge c = usage.charge();
        assertEquals("Google Cloud", c.providerName());
        assertEquals("01A2B3-C4D5E6-F7A8B9", c.billingAccountId());
        assertEquals("shop-prod", c.subAccountId());
        assertEquals("Shop Production", c.subAccountName());
        assertEquals("Compute Engine", c.serviceName());
        assertEquals(dev.outlay.model.ServiceCategory.COMPUTE, c.serviceCategory());
        assertEquals(java.util.Set.of(), c.flags());
        assertEquals("2E27-4F75-95CD", c.skuId());
        assertEquals("N1 Predefined Instance Core running in Americas", c.chargeDescription());
        assertEquals("us-central1", c.regionId());
        assertEquals("us-central1-a", c.availabilityZone());
        assertEquals("//compute.googleapis.com/projects/shop-prod/zones/us-central1-a/instances/1234", c.resourceId());
        assertEquals("web-1", c.resourceName());
        assertEquals(0, new BigDecimal("3600").compareTo(c.consumedQuantity()));
        assertEquals("seconds", c.consumedUnit());
        assertEquals(0, BigDecimal.ONE.compareTo(c.pricingQuantity()));
        assertEquals("hour", c.pricingUnit());
        assertEquals(Instant.parse("2024-12-30T00:00:00Z"), c.chargePeriodStart());
        assertEquals(Instant.parse("2024-12-30T01:00:00Z"), c.chargePeriodEnd());
        assertEquals(Map.of("env", "prod", "cost-center", "cc-42", "project/team", "core",
                "compute.googleapis.com/machine_spec", "n1-standard-1"), c.tags());
        assertEquals(List.of(
                new GcpCredit("12345", "Sustained Usage Discount", "Sustained Usage Discount", "SUSTAINED_USAGE_DISCOUNT", new BigDecimal("-1.2")),
                new GcpCredit("free-1", "Free tier", "Free tier usage", "FREE_TIER", new BigDecimal("-0.5"))), usage.credits());

        // Tax row: NULL location and resource records, empty repeated fields.
        Charge tax = rows.get(1).charge();
        assertNull(tax.regionId());
        assertNull(tax.resourceId());
        assertNull(tax.consumedQuantity());
        assertEquals(Map.of(), tax.tags());
        assertEquals(List.of(), rows.get(1).credits());

        // Adjustment: its description comes from adjustment_info; NULL credits array; multi-region location.
        Charge adj = rows.get(2).charge();
        assertEquals("Correction for storage overbilled in December", adj.chargeDescription());
        assertEquals("us", adj.regionId());
        assertNull(adj.availabilityZone());
        assertEquals(List.of(), rows.get(2).credits());
        // Rounding error: integer-seconds timestamps, location "global".
        Charge rounding = rows.get(3).charge();
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), rounding.chargePeriodStart());
        assertEquals("global", rounding.regionId());
    }

    @Test
    void sendsMonthPartitionAndWatermarkAsNamedParameters() {
        serveTwoPages();
        reader.read("202501", Instant.parse("2025-01-20T00:00:00Z"));
        List<LoggedRequest> posts = wm.findAll(postRequestedFor(urlPathEqualTo(QUERIES)));
        assertEquals(1, posts.size());
        String body = posts.get(0).getBodyAsString();
        assertTrue(body.contains("invoice.month = @month"), body);
        assertTrue(body.contains("export_time > @since"), body);
        assertTrue(body.contains("\"202501\""), body);
        assertTrue(body.contains("2025-01-20"), body);
        assertTrue(body.contains("2024-12-31"), body); // partition lower bound: month start less a day
        assertTrue(body.contains("gcp_billing_export_resource_v1_01A2B3_C4D5E6_F7A8B9"), body);
    }

    @Test
    void nothingExportedAfterTheWatermarkIsUnchanged() {
        wm.stubFor(post(urlPathEqualTo(QUERIES)).willReturn(okJson("""
                {"kind":"bigquery#queryResponse","jobReference":{"projectId":"billing-reader","jobId":"job_empty","location":"US"},
                 "schema":%s,"totalRows":"0","jobComplete":true}""".formatted(schemaJson()))));
        Instant watermark = Instant.parse("2025-01-29T08:00:00Z");
        GcpBillingRead read = reader.read("202501", watermark);
        assertFalse(read.changed());
        assertEquals(List.of(), read.rows());
        assertEquals(watermark, read.watermark());
    }

    @Test
    void authFailureIsCredentialsRejected() {
        wm.stubFor(post(urlPathEqualTo(QUERIES)).willReturn(jsonError(401, "UNAUTHENTICATED", "authError",
                "Request had invalid authentication credentials.")));
        GcpBillingReadException e = assertThrows(GcpBillingReadException.class, () -> reader.read("202501", null));
        assertEquals(GcpBillingReadException.Kind.CREDENTIALS_REJECTED, e.kind());
        assertTrue(e.getMessage().contains("billing-reader.billing_export.gcp_billing_export_resource_v1_"), e.getMessage());
        assertTrue(e.getMessage().contains("401"), e.getMessage());
    }

    @Test
    void queryErrorIsQueryRejected() {
        wm.stubFor(post(urlPathEqualTo(QUERIES)).willReturn(jsonError(400, "INVALID_ARGUMENT", "invalidQuery",
                "Unrecognized name: export_time at [1:200]")));
        GcpBillingReadException e = assertThrows(GcpBillingReadException.class, () -> reader.read("202501", null));
        assertEquals(GcpBillingReadException.Kind.QUERY_REJECTED, e.kind());
        assertTrue(e.getMessage().contains("Unrecognized name: export_time"), e.getMessage());
    }

    @Test
    void missingTableIsTableNotFound() {
        wm.stubFor(post(urlPathEqualTo(QUERIES)).willReturn(jsonError(404, "NOT_FOUND", "notFound",
                "Not found: Table billing-reader:billing_export.gcp_billing_export_resource_v1_01A2B3_C4D5E6_F7A8B9")));
        GcpBillingReadException e = assertThrows(GcpBillingReadException.class, () -> reader.read("202501", null));
        assertEquals(GcpBillingReadException.Kind.TABLE_NOT_FOUND, e.kind());
    }

    @Test
    void failureOnTheSecondPageReturnsNothing() {
        serveJob();
        wm.stubFor(post(urlPathEqualTo(QUERIES)).willReturn(okJson(fixture("query-page1.json"))));
        wm.stubFor(get(urlPathEqualTo(PAGES)).willReturn(jsonError(403, "PERMISSION_DENIED",
                "accessDenied", "Access Denied: Table billing-reader:billing_export: User does not have permission")));
        GcpBillingReadException e = assertThrows(GcpBillingReadException.class, () -> reader.read("202501", null));
        assertEquals(GcpBillingReadException.Kind.CREDENTIALS_REJECTED, e.kind());
    }

    @Test
    void schemaWithoutARequiredColumnNamesIt() {
        String page = fixture("query-page1.json").replace("\"name\": \"cost_type\"", "\"name\": \"charge_type\"");
        serveJob();
        wm.stubFor(post(urlPathEqualTo(QUERIES)).willReturn(okJson(page)));
        SourceFormatException e = assertThrows(SourceFormatException.class, () -> reader.read("202501", null));
        assertEquals("cost_type", e.columnName());
    }

    @Test
    void badCellNamesRowAndColumn() {
        String page = fixture("query-page1.json").replace("\"12.345678\"", "\"twelve\"");
        serveJob();
        wm.stubFor(post(urlPathEqualTo(QUERIES)).willReturn(okJson(page)));
        SourceFormatException e = assertThrows(SourceFormatException.class, () -> reader.read("202501", null));
        assertEquals("cost", e.columnName());
        assertEquals(1, e.line());
        assertEquals(12, e.column());
    }

    @Test
    void unknownCostTypeAndServiceAreLoadedFlagged() {
        serveJob();
        String page = fixture("query-page1.json").replace("\"regular\"", "\"commitment_fee\"")
                .replace("\"Compute Engine\"", "\"Some New Service\"");
        wm.stubFor(post(urlPathEqualTo(QUERIES)).willReturn(okJson(page)));
        wm.stubFor(get(urlPathEqualTo(PAGES)).willReturn(okJson(fixture("tabledata-page2.json"))));
        Charge c = reader.read("202501", null).rows().get(0).charge();
        assertEquals(ChargeCategory.ADJUSTMENT, c.chargeCategory());
        assertNull(c.chargeClass());
        assertEquals(dev.outlay.model.ServiceCategory.OTHER, c.serviceCategory());
        assertTrue(c.flags().contains(dev.outlay.model.DataQualityFlag.UNMAPPED_CHARGE_CATEGORY));
        assertTrue(c.flags().contains(dev.outlay.model.DataQualityFlag.UNMAPPED_SERVICE_CATEGORY));
        assertEquals(0, new BigDecimal("10.645678").compareTo(c.effectiveCost()));
    }

    @Test
    void mixedCurrenciesAreRefused() {
        serveJob();
        wm.stubFor(post(urlPathEqualTo(QUERIES)).willReturn(okJson(fixture("query-page1.json").replaceFirst("\"USD\"", "\"EUR\""))));
        wm.stubFor(get(urlPathEqualTo(PAGES)).willReturn(okJson(fixture("tabledata-page2.json"))));
        GcpBillingReadException e = assertThrows(GcpBillingReadException.class, () -> reader.read("202501", null));
        assertEquals(GcpBillingReadException.Kind.MIXED_CURRENCIES, e.kind());
    }

    static String schemaJson() {
        String page = fixture("query-page1.json");
        int start = page.indexOf("\"schema\":") + "\"schema\":".length();
        int end = page.indexOf(",\n \"jobReference\"");
        return page.substring(start, end);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder jsonError(int code, String status, String reason, String message) {
        return aResponse().withStatus(code).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"code":%d,"message":"%s","errors":[{"message":"%s","domain":"global","reason":"%s"}],"status":"%s"}}"""
                .formatted(code, message, message, reason, status));
    }
}
