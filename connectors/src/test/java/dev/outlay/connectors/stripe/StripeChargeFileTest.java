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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The month's fees and revenue from the fixture pages (read by the real client), to the cent and per currency
 * (JPY has no minor unit), and the FOCUS file byte for byte against the expected one.
 */
class StripeChargeFileTest {

    static WireMockServer wm;
    static StripeChargeFile.Result november;

    @BeforeAll
    static void read() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
        wm.stubFor(get(urlPathEqualTo("/v1/balance_transactions")).withQueryParam("starting_after", absent())
                .willReturn(okJson(StripeReaderTest.fixture("balance-page1.json"))));
        wm.stubFor(get(urlPathEqualTo("/v1/balance_transactions")).withQueryParam("starting_after", equalTo("txn_3Q0aA5"))
                .willReturn(okJson(StripeReaderTest.fixture("balance-page2.json"))));
        List<StripeTransaction> read = new StripeReader(new StripeConfig("acct_1TestAcct0001", "sk_test_x", wm.baseUrl()), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(5)).read(YearMonth.of(2026, 11));
        november = StripeChargeFile.write("acct_1TestAcct0001", "Acme payments", YearMonth.of(2026, 11), read);
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @ParameterizedTest(name = "fees in {0}")
    @CsvSource({"USD, 20.32", "JPY, 9000", "EUR, 0.85"})
    void feesPerCurrencyToTheMinorUnit(String currency, String total) {
        assertEquals(new BigDecimal(total), november.feesByCurrency().get(currency));
    }

    @Test
    void revenueIsSalesLessRefundsPerDayAndOrdersCountSales() {
        assertEquals(List.of(
                new StripeChargeFile.DailyRevenue(LocalDate.parse("2026-11-02"), "USD", new BigDecimal("150.00"), 2),
                new StripeChargeFile.DailyRevenue(LocalDate.parse("2026-11-03"), "USD", new BigDecimal("-20.00"), 0),
                new StripeChargeFile.DailyRevenue(LocalDate.parse("2026-11-10"), "JPY", new BigDecimal("250000"), 1),
                new StripeChargeFile.DailyRevenue(LocalDate.parse("2026-11-11"), "EUR", new BigDecimal("20.00"), 1)), november.revenue());
        assertEquals(Map.of("USD", 3, "JPY", 1, "EUR", 1).size(), november.feesByCurrency().size());
    }

    @Test
    void theFocusFileIsTheExpectedOne() throws Exception {
        byte[] expected;
        try (var in = StripeChargeFileTest.class.getResourceAsStream("/stripe/expected-2026-11.csv")) {
            expected = in.readAllBytes();
        }
        assertEquals(7, november.rows());
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(november.csv(), StandardCharsets.UTF_8));
        assertArrayEquals(expected, november.csv());
    }

    @ParameterizedTest(name = "{0} {1} minor units = {2}")
    @CsvSource({"usd, 2032, 20.32", "jpy, 9000, 9000", "kwd, 1005, 1.005", "isk, 10000, 100.00", "eur, -37, -0.37"})
    void minorUnitsAsStripeCountsThem(String currency, long minor, String decimal) {
        assertEquals(new BigDecimal(decimal), StripeAmounts.of(minor, currency));
    }

    @Test
    void aTransactionOfAnotherMonthIsNotCharged() {
        StripeTransaction december = new StripeTransaction("txn_x", "charge", Instant.parse("2026-12-01T00:00:00Z"), "usd", 100, 33,
                List.of(new StripeTransaction.Fee("stripe_fee", 33, "usd", null)), null);
        assertEquals(0, StripeChargeFile.write("acct_1TestAcct0001", "a", YearMonth.of(2026, 11), List.of(december)).rows());
    }
}
