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
package dev.outlay.connectors.opencost;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.outlay.connectors.saas.SaasHttp;
import dev.outlay.connectors.saas.SaasReadException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The reader against a WireMock OpenCost, table-driven over fixture answers (an empty step as null, exponent
 * notation, a label with quotes, namespace labels under workload labels, idle and unallocated parts, a window of
 * half a day, a cost that is not a number, an error code in a 200 answer, throttling, a rejected token), and the
 * month's FOCUS rows: the allocation rows add up to the allocated cost and the offset rows cancel them per day.
 */
class OpenCostReaderTest {

    static final LocalDate FROM = LocalDate.parse("2026-11-01");
    static final LocalDate TO = LocalDate.parse("2026-11-03");
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
        try (InputStream in = OpenCostReaderTest.class.getResourceAsStream("/opencost/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    OpenCostReader reader(String token) {
        return new OpenCostReader(new OpenCostConfig(wm.baseUrl(), token, "prod-eu"), new SaasHttp(Duration.ofSeconds(5), 3, Duration.ofSeconds(5)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "allocation-nov.json        | 200 | 5 | 27.995968 | ",
            "allocation-empty.json      | 200 | 0 | 0         | ",
            "allocation-error-code.json | 200 | 0 | 0         | REJECTED: OpenCost answered code 400: error parsing window",
            "allocation-half-day.json   | 200 | 0 | 0         | MALFORMED: search/indexer: window 2026-11-01T00:00:00Z to 2026-11-01T12:00:00Z is not one UTC day",
            "allocation-nan.json        | 200 | 0 | 0         | MALFORMED: search/indexer: cpuCost is not a number",
            "allocation-nov.json        | 401 | 0 | 0         | CREDENTIALS_REJECTED: credentials rejected (HTTP 401)"})
    void readsAllocationsOrFailsAsAWhole(String fixture, int status, int allocations, String allocated, String failure) {
        wm.stubFor(get(urlPathEqualTo("/allocation/compute")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(fixture(fixture))));
        if (failure == null) {
            List<OpenCostAllocation> read = reader(null).read(FROM, TO);
            assertEquals(allocations, read.size());
            OpenCostChargeFile.Result file = OpenCostChargeFile.write("123456789012", "prod-eu", "USD", YearMonth.of(2026, 11), read);
            assertEquals(0, new BigDecimal(allocated).compareTo(file.allocated()), file.allocated().toPlainString());
            assertEquals(0, BigDecimal.ZERO.compareTo(net(file)), "the source adds nothing to effective cost");
        } else {
            String[] f = failure.split(": ", 2);
            SaasReadException e = assertThrows(SaasReadException.class, () -> reader("tok").read(FROM, TO));
            assertEquals(f[0], e.kind().name(), e.getMessage());
            assertEquals(true, e.getMessage().contains(f[1]), e.getMessage());
        }
        wm.verify(getRequestedFor(urlPathEqualTo("/allocation/compute"))
                .withQueryParam("window", equalTo("2026-11-01T00:00:00Z,2026-11-03T00:00:00Z"))
                .withQueryParam("aggregate", equalTo("namespace,controller")).withQueryParam("step", equalTo("1d")));
    }

    @Test
    void aThrottledAnswerIsRetriedAfterRetryAfter() {
        wm.stubFor(get(urlPathEqualTo("/allocation/compute")).inScenario("t").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        wm.stubFor(get(urlPathEqualTo("/allocation/compute")).inScenario("t").whenScenarioStateIs("ok").willReturn(okJson(fixture("allocation-nov.json"))));
        assertEquals(5, reader("tok").read(FROM, TO).size());
        wm.verify(getRequestedFor(urlPathEqualTo("/allocation/compute")).withHeader("Authorization", equalTo("Bearer tok")));
    }

    @Test
    void rowsPerResourceWithLabelsAndOneOffsetPerDay() {
        wm.stubFor(get(urlPathEqualTo("/allocation/compute")).willReturn(okJson(fixture("allocation-nov.json"))));
        OpenCostChargeFile.Result file = OpenCostChargeFile.write("123456789012", "prod-eu", "USD", YearMonth.of(2026, 11), reader(null).read(FROM, TO));
        List<String> lines = Arrays.asList(new String(file.csv(), StandardCharsets.UTF_8).split("\n"));
        assertEquals(20, file.rows(), "18 non-zero resource costs and 2 offsets");
        assertEquals(21, lines.size());
        List<String> offsets = lines.stream().filter(l -> l.contains("allocation-offset")).toList();
        assertEquals(2, offsets.size());
        assertEquals(true, offsets.get(0).contains(",-20.885968,-20.885968,"), offsets.get(0));
        assertEquals(true, offsets.get(1).contains(",-7.11,-7.11,"), offsets.get(1));
        String indexer = lines.stream().filter(l -> l.contains("search/indexer: gpu")).findFirst().orElseThrow();
        // the workload's label with quotes, JSON-escaped inside a CSV-quoted cell; the namespace has no labels
        assertEquals(true, indexer.contains("\"\"team\"\":\"\"search \\\"\"core\\\"\"\"\""), indexer);
        String checkout = lines.stream().filter(l -> l.contains("checkout/checkout-api: cpu") && l.contains("2026-11-01T00")).findFirst().orElseThrow();
        assertEquals(true, checkout.contains("\"\"cost-center\"\":\"\"CC-210\"\"") && checkout.contains(",0,4.123456,"), checkout);
        assertEquals(true, lines.stream().anyMatch(l -> l.contains("search/indexer: pv") && l.contains(",0.000012,")), "exponent notation as a plain decimal");
        assertEquals(2, lines.stream().filter(l -> l.contains("__idle__")).count());
    }

    /** Effective cost of every row of the file, added up. */
    static BigDecimal net(OpenCostChargeFile.Result file) {
        String[] lines = new String(file.csv(), StandardCharsets.UTF_8).split("\n");
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 1; i < lines.length; i++) {
            String tail = lines[i].replaceAll("\"[^\"]*(\"\"[^\"]*)*\"", "q");
            sum = sum.add(new BigDecimal(tail.split(",")[13]));
        }
        return sum;
    }
}
