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
package dev.outlay.connectors.salesforce;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.outlay.connectors.saas.SaasHttp;
import dev.outlay.connectors.saas.SaasReadException;
import dev.outlay.connectors.saas.SeatAccount;
import dev.outlay.connectors.saas.SeatChargeFile;
import dev.outlay.connectors.saas.SeatPrice;
import dev.outlay.connectors.saas.SeatSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real SOQL reader against a WireMock org: token, paging by nextRecordsUrl, aggregates, nulls and failures. */
class SalesforceReaderTest {

    static final String QUERY = "/services/data/v62.0/query";
    static final String SECRET = "consumer-secret-value";
    WireMockServer wm;
    SalesforceReader reader;

    static String fixture(String name) {
        try (InputStream in = SalesforceReaderTest.class.getResourceAsStream("/salesforce/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
        reader = new SalesforceReader(new SalesforceConfig(wm.baseUrl(), "3MVG9test.consumer.key", SECRET, null, null),
                new SaasHttp(Duration.ofSeconds(5), 3, Duration.ofSeconds(5)));
        wm.stubFor(post(urlPathEqualTo("/services/oauth2/token")).withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson(fixture("token.json"))));
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    void serve(String from, String fixture) {
        wm.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing(from)).willReturn(okJson(fixture(fixture))));
    }

    void serveOrg() {
        serve("FROM Organization", "organization.json");
        serve("LastLoginDate = LAST_N_DAYS:30", "active-users.json");
        serve("GROUP BY Profile.UserLicenseId, Department", "departments.json");
        serve("FROM UserLicense", "user-licenses-page1.json");
        wm.stubFor(get(urlPathEqualTo(QUERY + "/01gD0000002HU6KIAW-2000")).willReturn(okJson(fixture("user-licenses-page2.json"))));
        serve("FROM PermissionSetLicense", "permset-licenses.json");
    }

    @Test
    void licencesWithActivityDepartmentsAndPaging() {
        serveOrg();
        SalesforceSnapshot s = reader.read();
        assertEquals(List.of(), wm.findAllUnmatchedRequests());
        assertEquals("00DD0000000abcdMAA", s.orgId());
        assertEquals("Acme, Inc.", s.orgName());
        assertEquals(List.of(
                new SeatSubscription("Salesforce", "100D0000000aaaaIAA", "Salesforce", 50, 42, 30L, new TreeMap<>(Map.of("Sales", 35L))),
                // UsedLicenses null is 0; the department count (6) is then the assigned truth
                new SeatSubscription("Salesforce Platform", "100D0000000bbbbIAA", "Salesforce Platform", 10, 0, 4L, new TreeMap<>(Map.of("Support", 6L))),
                new SeatSubscription("Chatter Free", "100D0000000ccccIAA", "Chatter Free", 0, 0, 0L, new TreeMap<>()),
                // the Disabled licence is skipped; permission set licences have no activity here
                new SeatSubscription("SalesforceCPQ_CPQStandardPerm", "0PLD0000000eeeeOAA", "Salesforce CPQ License", 5, 3, null, new TreeMap<>())),
                s.subscriptions());
    }

    @Test
    void pricedTotalsToTheCent() {
        serveOrg();
        SalesforceSnapshot s = reader.read();
        Map<String, SeatPrice> prices = Map.of(
                "Salesforce", new SeatPrice(new BigDecimal("165.00"), "USD", "month", "License", "salesforce/Salesforce/2025-01-01/v1"),
                "Salesforce Platform", new SeatPrice(new BigDecimal("300.00"), "USD", "year", "License", "salesforce/Salesforce Platform/2025-01-01/v1"),
                "SalesforceCPQ_CPQStandardPerm", new SeatPrice(new BigDecimal("75.00"), "USD", "month", "License", "salesforce/CPQ/2025-01-01/v1"));
        SeatChargeFile.Result r = SeatChargeFile.write(new SeatAccount("salesforce", "Salesforce", s.orgId(), s.orgName(), "Salesforce"),
                YearMonth.of(2025, 4), s.subscriptions(), sku -> Optional.ofNullable(prices.get(sku)));
        // 50 x 165 + 10 x 300 / 12 + 5 x 75 = 8250.00 + 250.00 + 375.00 (Chatter Free has no paid seat, needs no price)
        assertEquals(Map.of("USD", new BigDecimal("8875.00")), r.totalByCurrency());
        assertEquals(65, r.paidSeats());
        // Salesforce: Sales 35, unattributed 7, unassigned 8; Platform: Support 6, unassigned 4; CPQ: assigned 3, unassigned 2
        assertEquals(7, r.rows());
    }

    @Test
    void anExpiredSessionIsRejectedCredentials() {
        wm.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(fixture("session-expired-401.json"))));
        SaasReadException e = assertThrows(SaasReadException.class, () -> reader.read());
        assertEquals(SaasReadException.Kind.CREDENTIALS_REJECTED, e.kind());
        assertEquals("GET /services/data/v62.0/query (Organization)", e.where());
        assertTrue(e.getMessage().contains("INVALID_SESSION_ID"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void aThrottledPageIsRetriedAfterItsRetryAfter() {
        serveOrg();
        // Salesforce sheds load with 503 and a Retry-After on busy instances: the page is asked again, once.
        wm.stubFor(get(urlPathEqualTo(QUERY + "/01gD0000002HU6KIAW-2000")).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("calm"));
        wm.stubFor(get(urlPathEqualTo(QUERY + "/01gD0000002HU6KIAW-2000")).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(okJson(fixture("user-licenses-page2.json"))));
        SalesforceSnapshot s = reader.read();
        assertEquals(4, s.subscriptions().size(), s.subscriptions().toString());
        wm.verify(2, getRequestedFor(urlPathEqualTo(QUERY + "/01gD0000002HU6KIAW-2000")));
    }

    @Test
    void stillThrottledAfterTheRetriesIsAFailureOfTheWholeRead() {
        serveOrg();
        wm.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM PermissionSetLicense"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        SaasReadException e = assertThrows(SaasReadException.class, () -> reader.read());
        assertEquals(SaasReadException.Kind.THROTTLED, e.kind(), e.getMessage());
        assertTrue(e.where().contains("PermissionSetLicense"), e.where());
        wm.verify(3, getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM PermissionSetLicense")));
    }

    @Test
    void aPartialOutageOnTheSecondPageFailsTheRead() {
        serveOrg();
        // The first page read, the second lost: no snapshot at all (a month priced from half the licences is worse
        // than a month retried on the next poll).
        wm.stubFor(get(urlPathEqualTo(QUERY + "/01gD0000002HU6KIAW-2000")).willReturn(aResponse().withStatus(500).withBody("upstream")));
        SaasReadException e = assertThrows(SaasReadException.class, () -> reader.read());
        assertEquals(SaasReadException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
        assertTrue(e.where().contains("page 2"), e.where());
    }

    @Test
    void aCountOfTheWrongTypeNamesRecordAndField() {
        serveOrg();
        serve("FROM UserLicense", "used-as-text.json");
        SaasReadException e = assertThrows(SaasReadException.class, () -> reader.read());
        assertEquals(SaasReadException.Kind.MALFORMED, e.kind());
        assertEquals("SOQL UserLicense: records[0].TotalLicenses: a whole number of at least 0 expected, got \"50\"", e.getMessage());
    }

    @Test
    void aNextRecordsUrlOffTheInstanceIsNotFollowed() {
        serveOrg();
        wm.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM UserLicense")).willReturn(okJson(
                fixture("user-licenses-page1.json").replace("\"/services/data/v62.0/query/01gD0000002HU6KIAW-2000\"", "\"https://attacker.example/x\""))));
        SaasReadException e = assertThrows(SaasReadException.class, () -> reader.read());
        assertTrue(e.getMessage().contains("nextRecordsUrl is not a path of this instance"), e.getMessage());
    }

    @Test
    void configNamesTheBadField() {
        assertEquals("instanceUrl", assertThrows(dev.outlay.connectors.InvalidConfigException.class,
                () -> new SalesforceConfig("acme", "3MVG9test.consumer.key", SECRET, null, null)).field());
        assertEquals("apiVersion", assertThrows(dev.outlay.connectors.InvalidConfigException.class,
                () -> new SalesforceConfig("https://acme.my.salesforce.com", "3MVG9test.consumer.key", SECRET, "62", null)).field());
        assertTrue(SalesforceConfig.salesforceHost("https://acme.my.salesforce.com"));
        assertFalse(SalesforceConfig.salesforceHost("https://salesforce.com.attacker.example"));
        assertFalse(new SalesforceConfig("https://acme.my.salesforce.com", "3MVG9test.consumer.key", SECRET, null, null).toString().contains(SECRET));
    }
}
