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
package dev.outlay.connectors.stripe;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.outlay.connectors.saas.SaasReadException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real stripe-java client against a WireMock Stripe: one table of what the second page answers (and the first,
 * for the auth failure), and what the month read gives or how it fails. A failed page fails the whole month.
 */
class StripeReaderTest {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final String PATH = "/v1/balance_transactions";
    WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    static String fixture(String name) {
        try (InputStream in = StripeReaderTest.class.getResourceAsStream("/stripe/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(fixture(fixture));
    }

    /** case, first page, second page (after a throttled answer when {@code throttleFirst}), ids read or the failure kind and page. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("two pages, one transaction on both", json(200, "balance-page1.json"), json(200, "balance-page2.json"), null, 9, null),
                Arguments.of("429 with Retry-After 1 on page 2, then the page", json(200, "balance-page1.json"), json(200, "balance-page2.json"), "1", 9, null),
                Arguments.of("429 with Retry-After beyond the wait", json(200, "balance-page1.json"), json(200, "balance-page2.json"), "120", 0,
                        SaasReadException.Kind.THROTTLED + " page 2"),
                Arguments.of("401 on page 1", json(401, "error-401.json"), json(200, "balance-page2.json"), null, 0,
                        SaasReadException.Kind.CREDENTIALS_REJECTED + " page 1"),
                Arguments.of("outage on page 2 after page 1", json(200, "balance-page1.json"), json(500, "error-500.json"), null, 0,
                        SaasReadException.Kind.UNAVAILABLE + " page 2"),
                Arguments.of("truncated JSON on page 1", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(fixture("balance-truncated.json")), json(200, "balance-page2.json"), null, 0, SaasReadException.Kind.MALFORMED + " page 1"),
                Arguments.of("an empty month", json(200, "balance-empty.json"), json(500, "error-500.json"), null, 0, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsTheWholeMonthOrNothing(String name, ResponseDefinitionBuilder page1, ResponseDefinitionBuilder page2, String retryAfter,
                                     int transactions, String failure) {
        wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("starting_after", absent()).willReturn(page1));
        if (retryAfter != null) {
            wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("starting_after", equalTo("txn_3Q0aA5")).inScenario("throttle")
                    .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("open")
                    .willReturn(json(429, "error-429.json").withHeader("Retry-After", retryAfter)));
            wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("starting_after", equalTo("txn_3Q0aA5")).inScenario("throttle")
                    .whenScenarioStateIs("open").willReturn(page2));
        } else {
            wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("starting_after", equalTo("txn_3Q0aA5")).willReturn(page2));
        }
        StripeReader reader = new StripeReader(new StripeConfig("acct_1TestAcct0001", "rk_test_4eC39HqLyjWDarjtT1zdp7dc", wm.baseUrl()),
                3, Duration.ofSeconds(5), Duration.ofSeconds(5));
        long started = System.nanoTime();
        if (failure == null) {
            List<StripeTransaction> read = reader.read(NOVEMBER);
            assertEquals(transactions, read.size(), name);
            assertEquals(read.stream().map(StripeTransaction::id).distinct().count(), read.size(), "each id once");
            if (retryAfter != null) assertTrue(System.nanoTime() - started >= 1_000_000_000L, "waited as Retry-After said");
        } else {
            SaasReadException e = assertThrows(SaasReadException.class, () -> reader.read(NOVEMBER), name);
            assertEquals(failure, e.kind() + " " + e.where().replaceAll(".*\\((.*)\\)", "$1"), e.getMessage());
            assertTrue(e.getMessage().startsWith("GET /v1/balance_transactions (page "), e.getMessage());
            assertTrue(!e.getMessage().contains("4eC39HqLyjWDarjtT1zdp7dc"), "the key is never echoed");
        }
        // The month is asked for as Stripe's created[gte]/created[lt] window, 100 a page, with the key as a bearer token.
        wm.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("created[gte]", equalTo("1793491200"))
                .withQueryParam("created[lt]", equalTo("1796083200")).withQueryParam("limit", equalTo("100"))
                .withHeader("Authorization", equalTo("Bearer rk_test_4eC39HqLyjWDarjtT1zdp7dc")));
    }
}
