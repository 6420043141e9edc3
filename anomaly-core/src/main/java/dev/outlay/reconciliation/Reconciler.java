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
package dev.outlay.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares two sides of a period (ledger vs invoice summary, or one source vs another covering the same account) in
 * one currency. Pure and deterministic: the same lines give the same result whatever their order.
 */
public final class Reconciler {
    private static final int PERCENT_SCALE = 4;

    private Reconciler() {
    }

    public static ComparisonResult compare(String currency, List<AmountLine> reference, List<AmountLine> observed,
                                           Tolerance tolerance, ConfidenceInputs confidenceInputs) {
        Map<List<String>, BigDecimal[]> byKey = new TreeMap<>(Comparator
                .<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        accumulate(currency, reference, byKey, 0);
        accumulate(currency, observed, byKey, 1);

        BigDecimal referenceTotal = BigDecimal.ZERO;
        BigDecimal observedTotal = BigDecimal.ZERO;
        BigDecimal absoluteSum = BigDecimal.ZERO;
        for (BigDecimal[] sides : byKey.values()) {
            referenceTotal = referenceTotal.add(sides[0]);
            observedTotal = observedTotal.add(sides[1]);
            absoluteSum = absoluteSum.add(sides[1].subtract(sides[0]).abs());
        }

        List<ImpactedService> unranked = new ArrayList<>();
        for (Map.Entry<List<String>, BigDecimal[]> e : byKey.entrySet()) {
            BigDecimal diff = e.getValue()[1].subtract(e.getValue()[0]);
            if (diff.signum() == 0) {
                continue;
            }
            BigDecimal share = diff.abs().multiply(BigDecimal.valueOf(100))
                    .divide(absoluteSum, PERCENT_SCALE, RoundingMode.HALF_EVEN);
            unranked.add(new ImpactedService(0, e.getKey().get(0), e.getKey().get(1), e.getValue()[0],
                    e.getValue()[1], diff, share));
        }
        // Largest absolute difference first; ties broken by account then service so the order is stable.
        unranked.sort(Comparator.comparing((ImpactedService s) -> s.difference().abs()).reversed()
                .thenComparing(ImpactedService::account).thenComparing(ImpactedService::service));
        List<ImpactedService> ranked = new ArrayList<>(unranked.size());
        for (int i = 0; i < unranked.size(); i++) {
            ImpactedService s = unranked.get(i);
            ranked.add(new ImpactedService(i + 1, s.account(), s.service(), s.reference(), s.observed(),
                    s.difference(), s.sharePercent()));
        }

        BigDecimal difference = observedTotal.subtract(referenceTotal);
        BigDecimal percent = percentOf(difference, referenceTotal);
        BigDecimal allowance = tolerance.allowanceFor(referenceTotal);
        // A breach is judged on the total and on each service: offsetting errors must not hide inside a matching total.
        boolean breach = difference.abs().compareTo(allowance) > 0
                || ranked.stream().anyMatch(s -> s.difference().abs().compareTo(tolerance.allowanceFor(s.reference())) > 0);
        return new ComparisonResult(currency, referenceTotal, observedTotal, difference, percent, allowance, breach,
                ranked, confidenceInputs.assess());
    }

    public static BigDecimal percentOf(BigDecimal difference, BigDecimal reference) {
        if (reference.signum() == 0) {
            return difference.signum() == 0 ? BigDecimal.ZERO.setScale(PERCENT_SCALE) : null;
        }
        return difference.multiply(BigDecimal.valueOf(100)).divide(reference.abs(), PERCENT_SCALE, RoundingMode.HALF_EVEN);
    }

    private static void accumulate(String currency, List<AmountLine> lines, Map<List<String>, BigDecimal[]> byKey,
                                   int side) {
        for (AmountLine line : lines) {
            if (!line.currency().equals(currency)) {
                throw new CurrencyMismatchException(currency, line.currency(), line.account(), line.service());
            }
            BigDecimal[] sides = byKey.computeIfAbsent(List.of(line.account(), line.service()),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sides[side] = sides[side].add(line.amount());
        }
    }
}
