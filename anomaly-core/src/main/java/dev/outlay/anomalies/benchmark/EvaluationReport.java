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
package dev.outlay.anomalies.benchmark;

import java.util.List;
import java.util.Locale;

/** Per-kind quality, the overall row, and false positives on the pure-seasonal control series. */
public record EvaluationReport(List<KindReport> kinds, KindReport overall, int controlSeries,
                               long controlSeriesWeeks, int controlAlertEvents) {

    public EvaluationReport {
        kinds = List.copyOf(kinds);
    }

    /** False alert events per control series-week. */
    public double controlFalsePositiveRate() {
        return controlSeriesWeeks == 0 ? 0 : (double) controlAlertEvents / controlSeriesWeeks;
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        String head = "| kind | series | in scope | detected | recall | alerts | precision | median delay (d) "
                + "| below scope: detected |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
        sb.append(head);
        for (KindReport k : kinds) {
            sb.append(row(k));
        }
        sb.append(row(overall));
        sb.append(String.format(Locale.ROOT,
                "%ncontrol (seasonal, normal): %d series, %d series-weeks, %d alert events, FP rate %.5f per series-week%n",
                controlSeries, controlSeriesWeeks, controlAlertEvents, controlFalsePositiveRate()));
        return sb.toString();
    }

    private static String row(KindReport k) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %d | %.3f | %s | %d/%d |%n",
                k.kind(), k.series(), k.inScope(), k.detected(), k.recall(), k.alertEvents(), k.precision(),
                Double.isNaN(k.medianDelayDays()) ? "-" : String.format(Locale.ROOT, "%.1f", k.medianDelayDays()),
                k.belowDetected(), k.belowScope());
    }
}
