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
package dev.outlay.connectors.m365;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.outlay.connectors.saas.SaasHttp;
import dev.outlay.connectors.saas.SaasReadException;
import dev.outlay.connectors.saas.SeatSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real reader against a WireMock Graph: token, subscribedSkus, paged users, throttling and failures. */
class M365ReaderTest {

    static final String TENANT = "4f1b2c3d-0000-4000-8000-0000000000aa";
    static final String CLIENT = "0f0f0f0f-0000-4000-8000-000000000abc";
    static final String SECRET = "s3cr3t~client~value";
    static final Instant AS_OF = Instant.parse("2025-04-01T00:00:00Z");

    WireMockServer wm;
    M365Reader reader;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
        M365Config config = new M365Config(TENANT, CLIENT, SECRET, wm.baseUrl(), wm.baseUrl() + "/" + TENANT + "/oauth2/v2.0/token");
        reader = new M365Reader(config, new SaasHttp(Duration.ofSeconds(5), 3, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    void serveToken() {
        wm.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")).willReturn(okJson(M365Fixtures.text("token.json"))));
    }

    void serveUsers() {
        wm.stubFor(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", absent())
                .willReturn(okJson(M365Fixtures.text("users-page1.json").replace("{{base}}", wm.baseUrl()))));
        wm.stubFor(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", equalTo("RFNwdAIAAQAAACpVc2VyXzE"))
                .willReturn(okJson(M365Fixtures.text("users-page2.json"))));
    }

    void serveAll() {
        serveToken();
        wm.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(okJson(M365Fixtures.text("subscribed-skus.json"))));
        serveUsers();
    }

    @Test
    void seatsPerSkuWithDepartmentsAndActivityOverPagedUsers() {
        serveAll();
        M365Snapshot s = reader.read(AS_OF);
        assertEquals(List.of(), wm.findAllUnmatchedRequests());
        assertEquals(6, s.users());
        assertTrue(s.activityKnown());
        assertEquals(List.of(
                new SeatSubscription("ENTERPRISEPACK", "6fd2c87f-b296-42f0-b197-1e91e994b900", "ENTERPRISEPACK", 10, 4, 2L,
                        new TreeMap<>(Map.of("Sales", 2L, "Finance & Legal, EMEA", 1L))),
                new SeatSubscription("POWER_BI_PRO", "f8a1db68-be16-40ed-86d5-cb42ce701560", "POWER_BI_PRO", 3, 2, 1L,
                        new TreeMap<>(Map.of("Sales", 1L, "Finance & Legal, EMEA", 1L))),
                new SeatSubscription("POWER_BI_STANDARD", "a403ebcc-fae0-4ca2-8c8c-7a907fd6c235", "POWER_BI_STANDARD", 0, 0, 0L, new TreeMap<>()),
                new SeatSubscription("ENTERPRISEPREMIUM", "c7df2760-2c81-4ef7-b578-5b5392b571df", "ENTERPRISEPREMIUM", 0, 0, 0L, new TreeMap<>())),
                s.subscriptions());
        wm.verify(1, postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")));
        wm.verify(3, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                .withHeader("Authorization", equalTo("Bearer eyJ0eXAiOiJKV1QiLCJub25jZSI6InRlc3QifQ.graph-test-token")));
    }

    @Test
    void throttlingIsWaitedOutAsRetryAfterSays() {
        serveToken();
        serveUsers();
        wm.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("served"));
        wm.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).inScenario("throttle").whenScenarioStateIs("served")
                .willReturn(okJson(M365Fixtures.text("subscribed-skus.json"))));
        long t0 = System.nanoTime();
        assertEquals(4, reader.read(AS_OF).subscriptions().size());
        assertTrue(System.nanoTime() - t0 >= 900_000_000L, "waited the Retry-After second");
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus")));
    }

    @Test
    void anOutageOnTheSecondUsersPageFailsTheWholeRead() {
        // The first page of users read, the second lost: no snapshot (seats by department from half the users would
        // charge the wrong departments; the next poll reads the month again).
        serveToken();
        wm.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(okJson(M365Fixtures.text("subscribed-skus.json"))));
        wm.stubFor(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", absent())
                .willReturn(okJson(M365Fixtures.text("users-page1.json").replace("{{base}}", wm.baseUrl()))));
        wm.stubFor(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", equalTo("RFNwdAIAAQAAACpVc2VyXzE"))
                .willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));
        SaasReadException e = assertThrows(SaasReadException.class, () -> reader.read(AS_OF));
        assertEquals(SaasReadException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
        assertTrue(e.where().startsWith("GET /v1.0/users"), e.where());
    }

    @Test
    void throttlingBeyondTheBoundFailsNamingTheRequest() {
        serveToken();
        wm.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        SaasReadException e = assertThrows(SaasReadException.class, () -> reader.read(AS_OF));
        assertEquals(SaasReadException.Kind.THROTTLED, e.kind());
        assertEquals("GET /v1.0/subscribedSkus", e.where());
    }

    @Test
    void withoutEntraP1TheSeatsAreReadWithoutActivity() {
        serveToken();
        wm.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(okJson(M365Fixtures.text("subscribed-skus.json"))));
        wm.stubFor(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$select", containing("signInActivity"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(M365Fixtures.text("non-premium-403.json"))));
        wm.stubFor(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$select", equalTo("id,department,accountEnabled,assignedLicenses"))
                .willReturn(okJson(M365Fixtures.text("users-no-activity.json"))));
        M365Snapshot s = reader.read(AS_OF);
        assertFalse(s.activityKnown());
        assertNull(s.subscriptions().get(0).active30d());
        assertEquals(Map.of("Sales", 1L), s.subscriptions().get(0).byDepartment());
    }

    @Test
    void anExpiredTokenIsRejectedCredentials() {
        serveToken();
        wm.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(M365Fixtures.text("expired-token-401.json"))));
        SaasReadException e = assertThrows(SaasReadException.class, () -> reader.read(AS_OF));
        assertEquals(SaasReadException.Kind.CREDENTIALS_REJECTED, e.kind());
        assertEquals("GET /v1.0/subscribedSkus", e.where());
        assertTrue(e.getMessage().contains("the token is expired"), e.getMessage());
    }

    @Test
    void anExpiredClientSecretIsRejectedCredentialsWithoutTheSecret() {
        wm.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(M365Fixtures.text("bad-client-400.json"))));
        SaasReadException e = assertThrows(SaasReadException.class, () -> reader.read(AS_OF));
        assertEquals(SaasReadException.Kind.CREDENTIALS_REJECTED, e.kind());
        assertEquals("POST /" + TENANT + "/oauth2/v2.0/token", e.where());
        assertFalse(e.getMessage().contains(SECRET));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus")));
    }

    @Test
    void malformedJsonNamesWhereItBroke() {
        serveToken();
        wm.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(okJson(M365Fixtures.text("skus-truncated.json"))));
        SaasReadException e = assertThrows(SaasReadException.class, () -> reader.read(AS_OF));
        assertEquals(SaasReadException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().startsWith("GET /v1.0/subscribedSkus: not JSON at line 1, column "), e.getMessage());
    }

    @Test
    void aNextLinkOffTheGraphHostIsNotFollowed() {
        serveToken();
        wm.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(okJson(M365Fixtures.text("subscribed-skus.json"))));
        wm.stubFor(get(urlPathEqualTo("/v1.0/users")).willReturn(okJson(M365Fixtures.text("users-page1.json")
                .replace("{{base}}", "https://attacker.example"))));
        SaasReadException e = assertThrows(SaasReadException.class, () -> reader.read(AS_OF));
        assertEquals(SaasReadException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("points off the Graph host (attacker.example)"), e.getMessage());
    }

    @Test
    void configNamesTheBadFieldAndHidesTheSecret() {
        assertEquals("tenantId", assertThrows(dev.outlay.connectors.InvalidConfigException.class,
                () -> new M365Config("not a tenant", CLIENT, SECRET, null, null)).field());
        assertEquals("clientId", assertThrows(dev.outlay.connectors.InvalidConfigException.class,
                () -> new M365Config(TENANT, "abc", SECRET, null, null)).field());
        M365Config c = new M365Config("contoso.onmicrosoft.com", CLIENT, SECRET, null, null);
        assertEquals("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token", c.tokenUrl());
        assertFalse(c.toString().contains(SECRET));
    }
}
