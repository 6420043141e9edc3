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

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns classified anomalies into alert decisions: one alert per episode, where an episode is a run of
 * anomalies on the same series with the same cause, each at most {@code episodeGapDays} after the previous one.
 * A persistent step (price change, expiry) keeps scoring for days until the baseline absorbs it; without this
 * it would page every morning. Snoozes win over everything. State lives in this object, so one instance per
 * tenant processes runs in date order; the decision for a given input sequence is deterministic.
 */
public final class AlertSuppressor {

    private final int episodeGapDays;
    private final Map<String, Episode> open = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<Snooze> snoozes = new ArrayList<>();

    private record Episode(String alertId, LocalDate lastDate) {
    }

    public AlertSuppressor(int episodeGapDays) {
        if (episodeGapDays < 1) {
            throw new IllegalArgumentException("episodeGapDays");
        }
        this.episodeGapDays = episodeGapDays;
    }

    /** Three days: a weekend dip inside a persistent change must not split the episode. */
    public static AlertSuppressor withDefaults() {
        return new AlertSuppressor(3);
    }

    public void snooze(Snooze s) {
        snoozes.add(s);
    }

    /** Decides every anomaly in (date, series, id) order; {@code cause} gives the classified cause per anomaly. */
    public List<AlertDecision> decide(List<Anomaly> anomalies, Function<Anomaly, String> cause) {
        List<Anomaly> ordered = new ArrayList<>(anomalies);
        ordered.sort(Comparator.comparing(Anomaly::date).thenComparing(Anomaly::series).thenComparing(Anomaly::id));
        List<AlertDecision> out = new ArrayList<>();
        for (Anomaly a : ordered) {
            String c = cause.apply(a);
            if (!seen.add(a.id())) {
                out.add(new AlertDecision(a.id(), AlertDecision.Outcome.DUPLICATE, null));
                continue;
            }
            if (snoozed(a, c)) {
                out.add(new AlertDecision(a.id(), AlertDecision.Outcome.SNOOZED, null));
                continue;
            }
            String key = a.series().canonical() + "\n" + c + "\n" + a.direction();
            Episode e = open.get(key);
            if (e != null && ChronoUnit.DAYS.between(e.lastDate(), a.date()) <= episodeGapDays
                    && !a.date().isBefore(e.lastDate())) {
                open.put(key, new Episode(e.alertId(), a.date()));
                out.add(new AlertDecision(a.id(), AlertDecision.Outcome.ONGOING, e.alertId()));
            } else {
                open.put(key, new Episode(a.id(), a.date()));
                out.add(new AlertDecision(a.id(), AlertDecision.Outcome.NEW, a.id()));
            }
        }
        return out;
    }

    private boolean snoozed(Anomaly a, String cause) {
        for (Snooze s : snoozes) {
            if (s.series().equals(a.series()) && (s.cause() == null || s.cause().equals(cause))
                    && !a.date().isAfter(s.until())) {
                return true;
            }
        }
        return false;
    }
}
