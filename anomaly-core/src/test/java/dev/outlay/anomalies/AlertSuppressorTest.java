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
package dev.outlay.anomalies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outlay.anomalies.AlertDecision.Outcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertSuppressorTest {

    private static final SeriesKey S = SeriesKey.of("acct", "compute");
    private static final SeriesKey T = SeriesKey.of("acct", "storage");
    private static final LocalDate D = LocalDate.of(2025, 6, 2);

    /** day offset, series, cause per anomaly; snooze; expected outcomes. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a persistent step is one alert",
                        List.of("0 S price", "1 S price", "2 S price", "3 S price"), null,
                        List.of(Outcome.NEW, Outcome.ONGOING, Outcome.ONGOING, Outcome.ONGOING)),
                Arguments.of("a weekend gap does not split the episode",
                        List.of("0 S price", "3 S price"), null, List.of(Outcome.NEW, Outcome.ONGOING)),
                Arguments.of("a week later it is a new episode",
                        List.of("0 S spike", "7 S spike"), null, List.of(Outcome.NEW, Outcome.NEW)),
                Arguments.of("another cause on the same series alerts",
                        List.of("0 S price", "1 S usage"), null, List.of(Outcome.NEW, Outcome.NEW)),
                Arguments.of("another series alerts",
                        List.of("0 S price", "0 T price"), null, List.of(Outcome.NEW, Outcome.NEW)),
                Arguments.of("snooze of any cause until day 2",
                        List.of("0 S price", "2 S usage", "3 S usage", "0 T price"), new Snooze(S, null, D.plusDays(2)),
                        List.of(Outcome.SNOOZED, Outcome.SNOOZED, Outcome.NEW, Outcome.NEW)),
                Arguments.of("snooze of one cause only",
                        List.of("0 S price", "1 S usage"), new Snooze(S, "price", D.plusDays(30)),
                        List.of(Outcome.SNOOZED, Outcome.NEW)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, List<String> rows, Snooze snooze, List<Outcome> expected) {
        AlertSuppressor sup = AlertSuppressor.withDefaults();
        if (snooze != null) {
            sup.snooze(snooze);
        }
        List<Anomaly> anomalies = new ArrayList<>();
        Map<String, String> causes = new java.util.HashMap<>();
        for (String r : rows) {
            String[] f = r.split(" ");
            Anomaly a = anomaly(D.plusDays(Integer.parseInt(f[0])), f[1].equals("S") ? S : T);
            anomalies.add(a);
            causes.put(a.id(), f[2]);
        }
        List<AlertDecision> got = sup.decide(anomalies, a -> causes.get(a.id()));
        // decisions come back in (date, series) order; map them back to the input rows
        List<Outcome> byRow = anomalies.stream()
                .map(a -> got.stream().filter(d -> d.anomalyId().equals(a.id())).findFirst().orElseThrow().outcome())
                .toList();
        assertEquals(expected, byRow, name);
    }

    @org.junit.jupiter.api.Test
    void rerunningAnOverlappingWindowDuplicatesNothing() {
        AlertSuppressor sup = AlertSuppressor.withDefaults();
        List<Anomaly> run = List.of(anomaly(D, S), anomaly(D.plusDays(1), S));
        assertEquals(List.of(Outcome.NEW, Outcome.ONGOING), sup.decide(run, a -> "price").stream()
                .map(AlertDecision::outcome).toList());
        List<AlertDecision> again = sup.decide(run, a -> "price");
        assertEquals(List.of(Outcome.DUPLICATE, Outcome.DUPLICATE), again.stream().map(AlertDecision::outcome).toList());
    }

    private static Anomaly anomaly(LocalDate date, SeriesKey key) {
        return new Anomaly(Anomaly.idFor(key, date, Anomaly.Direction.INCREASE, "test"), key, date,
                Anomaly.Direction.INCREASE, null, null, null, null, 6.0, null, null, null, "test");
    }
}
