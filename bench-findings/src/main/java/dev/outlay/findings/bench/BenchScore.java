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
package dev.outlay.findings.bench;

import dev.outlay.findings.DetectedFinding;
import dev.outlay.findings.Detectors;
import dev.outlay.findings.SavingsRange;
import dev.outlay.findings.Verdict;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Precision, recall and savings error per detector against the generator's labels. */
public final class BenchScore {

    public static final class Row {
        public int tp;
        public int fp;
        public int fn;
        double errorSum;
        int errorCount;
        double maxError;

        public double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        /** Mean absolute percentage error of expected savings over true positives. */
        public double savingsMape() {
            return errorCount == 0 ? 0 : errorSum / errorCount;
        }
    }

    public final Map<String, Row> detectors = new TreeMap<>();
    public final Map<String, Integer> confounderFindings = new TreeMap<>();
    public int confounders;
    public int insufficientExpected;
    public int insufficientSeen;
    public int waived;
    public int reservedCases;
    public int reservedLowZero;
    public final List<String> misses = new ArrayList<>();

    public BenchScore() {
        for (String d : Detectors.WASTE) detectors.put(d, new Row());
        for (String d : Detectors.ARCH) detectors.put(d, new Row());
    }

    public synchronized void add(LabelledCase c, List<DetectedFinding> found) {
        if (c.confounder()) confounders++;
        List<String> reported = new ArrayList<>();
        for (DetectedFinding f : found) {
            switch (f.outcome()) {
                case Verdict.FINDING -> reported.add(f.detector());
                case Verdict.INSUFFICIENT_DATA -> {
                    if (c.insufficient().contains(f.detector())) insufficientSeen++;
                    else if (misses.size() < 20) misses.add(c.template() + " " + c.resourceId() + ": unexpected insufficient-data " + f.detector());
                }
                default -> waived++;
            }
        }
        insufficientExpected += c.insufficient().size();
        if (c.confounder() && !reported.isEmpty()) {
            confounderFindings.merge(c.template(), reported.size(), Integer::sum);
        }
        for (String d : reported) {
            Row r = detectors.get(d);
            if (c.findings().contains(d)) {
                r.tp++;
                DetectedFinding f = found.stream().filter(x -> x.detector().equals(d)).findFirst().orElseThrow();
                error(r, c, f, d);
            } else {
                r.fp++;
                if (misses.size() < 20) misses.add(c.template() + " " + c.resourceId() + ": false " + d);
            }
        }
        for (String d : c.findings()) {
            if (!reported.contains(d)) {
                detectors.get(d).fn++;
                if (misses.size() < 20) misses.add(c.template() + " " + c.resourceId() + ": missed " + d);
            }
        }
    }

    private void error(Row r, LabelledCase c, DetectedFinding f, String d) {
        BigDecimal truth = c.truthExpected().get(d);
        SavingsRange s = f.savings().stream().filter(x -> x.currency().equals(c.currency())).findFirst().orElse(null);
        if (truth == null || s == null || truth.signum() == 0) return;
        double e = s.expected().subtract(truth).abs().divide(truth, MathContext.DECIMAL64).doubleValue();
        r.errorSum += e;
        r.errorCount++;
        r.maxError = Math.max(r.maxError, e);
        if (c.template().equals("idle-reserved")) {
            reservedCases++;
            if (s.low().signum() == 0 && c.truthLow().get(d).signum() == 0) reservedLowZero++;
        }
    }

    public int totalConfounderFindings() {
        return confounderFindings.values().stream().mapToInt(Integer::intValue).sum();
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("| detector | TP | FP | FN | precision | recall | savings MAPE | max error |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        detectors.forEach((d, r) -> sb.append(String.format("| %s | %d | %d | %d | %.3f | %.3f | %.1f %% | %.1f %% |%n",
                d, r.tp, r.fp, r.fn, r.precision(), r.recall(), 100 * r.savingsMape(), 100 * r.maxError)));
        sb.append(String.format("%nconfounders: %d resources, %d findings %s%n", confounders, totalConfounderFindings(),
                confounderFindings.isEmpty() ? "" : confounderFindings.toString()));
        sb.append(String.format("insufficient-data: %d expected, %d reported; waived: %d; reservation-covered idle: "
                + "%d of %d with savings low = 0%n", insufficientExpected, insufficientSeen, waived, reservedLowZero,
                reservedCases));
        if (!misses.isEmpty()) sb.append("first misses: ").append(misses).append('\n');
        return sb.toString();
    }
}
