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
package dev.outlay.findings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Monthly savings per detector, one {@link SavingsRange} per currency (never summed), from the 30-day ledger run rate.
 * Each detector names the rows it would stop and the fractions of them saved at low / expected / high:
 *
 * <table>
 *   <caption>savings per detector</caption>
 *   <tr><th>detector</th><th>rows</th><th>low / expected / high</th></tr>
 *   <tr><td>removal (idle compute, unattached volume, idle IP, orphan snapshot, idle LB, storage of a stopped
 *       instance)</td><td>all</td><td>1 / 1 / 1</td></tr>
 *   <tr><td>overprovisioned</td><td>all</td><td>(1 - target/current) each; the size ladder halves</td></tr>
 *   <tr><td>gp2 → gp3</td><td>gp2 storage</td><td>0.2 each (gp3 is 20 % cheaper per GB-month, us-east-1)</td></tr>
 *   <tr><td>Multi-AZ non-prod</td><td>Multi-AZ rows</td><td>0.5 each (Multi-AZ ≈ 2× Single-AZ)</td></tr>
 *   <tr><td>cross-AZ</td><td>inter-zone transfer</td><td>0.5 / 0.75 / 1 (co-locating may not remove all)</td></tr>
 *   <tr><td>multi-zone non-prod</td><td>inter-zone transfer</td><td>0 / 0.5 / 1</td></tr>
 *   <tr><td>NAT heavy</td><td>NAT bytes</td><td>0 / 0.5 / 1 (which share goes to S3/DynamoDB needs flow logs)</td></tr>
 *   <tr><td>previous generation</td><td>all</td><td>1 - successor rate / current rate each, per size, from the
 *       profile's {@link InstancePrices}; a type or size the table lacks gives no range (and the evidence says
 *       why)</td></tr>
 *   <tr><td>always-on non-prod</td><td>all</td><td>1 - scheduleHoursPerWeek/168 each (60 h → 0.643)</td></tr>
 *   <tr><td>unused seats</td><td>all</td><td>unused/purchased each</td></tr>
 * </table>
 *
 * <p>Low is always taken on the effective cost not covered by a commitment: a reservation or savings plan keeps
 * being paid when the resource goes. High is taken on list cost (what Trusted Advisor and Advisor quote).
 */
public final class FindingSavings {

    private static final BigDecimal SCHEDULE_WEEK_HOURS = BigDecimal.valueOf(168);

    private record Rule(Predicate<LedgerDay> rows, BigDecimal low, BigDecimal expected, BigDecimal high) {
    }

    private FindingSavings() {
    }

    public static List<SavingsRange> of(String detector, ResourceFacts facts, Map<String, Object> row,
                                        ThresholdProfile profile, LocalDate scanDate) {
        if (Detectors.COMPUTE_PREVGEN.equals(detector) && !prevGenMove(facts, profile).priced()) {
            return List.of(); // the price table cannot price this move: no figure rather than a guessed one (basis says why)
        }
        Rule rule = rule(detector, facts, row, profile);
        LocalDate from = scanDate.minusDays(FindingFacts.BILLING_WINDOW_DAYS - 1L);
        Map<String, BigDecimal[]> byCur = new TreeMap<>();
        for (LedgerDay r : facts.ledger()) {
            if (!r.resourceId().equals(facts.resourceId()) || r.day().isBefore(from) || r.day().isAfter(scanDate)
                    || !rule.rows().test(r)) {
                continue;
            }
            BigDecimal[] a = byCur.computeIfAbsent(r.currency(), k -> new BigDecimal[]{BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO});
            a[0] = a[0].add(r.effectiveCost());
            a[1] = a[1].add(r.listCost());
            if (r.commitmentCovered()) a[2] = a[2].add(r.effectiveCost());
        }
        List<SavingsRange> out = new ArrayList<>();
        byCur.forEach((cur, a) -> out.add(range(a[0], a[1], a[2], rule, cur)));
        return List.copyOf(out);
    }

    private static SavingsRange range(BigDecimal effective, BigDecimal list, BigDecimal committed, Rule rule,
                                      String currency) {
        BigDecimal eff = effective.max(BigDecimal.ZERO);
        BigDecimal uncommitted = eff.subtract(committed.max(BigDecimal.ZERO)).max(BigDecimal.ZERO);
        BigDecimal listOrEff = list.max(eff);
        return new SavingsRange(monthly(uncommitted.multiply(rule.low())), monthly(eff.multiply(rule.expected())),
                monthly(listOrEff.multiply(rule.high())), currency);
    }

    private static BigDecimal monthly(BigDecimal windowTotal) {
        return windowTotal.multiply(SavingsRange.DAYS_PER_MONTH)
                .divide(BigDecimal.valueOf(FindingFacts.BILLING_WINDOW_DAYS), 2, RoundingMode.HALF_EVEN);
    }

    private static Rule each(Predicate<LedgerDay> rows, BigDecimal f) {
        return new Rule(rows, f, f, f);
    }

    /** How a detector's saving was priced, for the evidence; null for detectors that need no table. */
    public static String basis(String detector, ResourceFacts facts, ThresholdProfile profile) {
        return Detectors.COMPUTE_PREVGEN.equals(detector) ? prevGenMove(facts, profile).basis() : null;
    }

    private static InstancePrices.Move prevGenMove(ResourceFacts facts, ThresholdProfile profile) {
        return profile.prices().successorOf(facts.item() == null ? null : facts.item().size());
    }

    /**
     * Unused / purchased from the exact counts (6 decimals); the row's two-decimal share is for the rule's comparison
     * and would misprice a large licence by up to half a percent.
     */
    private static BigDecimal unusedSeats(Map<String, Object> row) {
        if (!(row.get("seatsPurchased") instanceof BigDecimal p) || !(row.get("seatsActive") instanceof BigDecimal a)
                || p.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return p.subtract(a).max(BigDecimal.ZERO).divide(p, 6, RoundingMode.HALF_EVEN);
    }

    /** Share of a week outside the profile's schedule: 1 - scheduleHoursPerWeek / 168 (60 h → 0.642857). */
    private static BigDecimal offHours(ThresholdProfile profile) {
        return BigDecimal.ONE.subtract(profile.number("scheduleHoursPerWeek")
                .divide(SCHEDULE_WEEK_HOURS, 6, RoundingMode.HALF_EVEN));
    }

    private static Rule rule(String detector, ResourceFacts facts, Map<String, Object> row, ThresholdProfile profile) {
        BigDecimal one = BigDecimal.ONE;
        return switch (detector) {
            case Detectors.COMPUTE_IDLE, Detectors.EBS_UNATTACHED, Detectors.EIP_IDLE, Detectors.SNAPSHOT_ORPHAN,
                 Detectors.LB_IDLE, Detectors.STOPPED_STORAGE -> each(UsageSignatures.ANY, one);
            case Detectors.COMPUTE_OVERPROVISIONED -> {
                BigDecimal ratio = row.get("sizeRatio") instanceof BigDecimal r ? r : one;
                yield each(UsageSignatures.ANY, one.subtract(ratio));
            }
            case Detectors.EBS_GP2 -> {
                boolean gp2Rows = row.get("gp2Share") instanceof BigDecimal s && s.signum() > 0;
                yield each(gp2Rows ? UsageSignatures.GP2 : UsageSignatures.ANY, new BigDecimal("0.2"));
            }
            case Detectors.RDS_MULTIAZ_NONPROD -> {
                boolean rows = row.get("multiAzShare") instanceof BigDecimal s && s.signum() > 0;
                yield each(rows ? UsageSignatures.MULTI_AZ : UsageSignatures.ANY, new BigDecimal("0.5"));
            }
            case Detectors.NET_INTERAZ -> new Rule(UsageSignatures.INTER_AZ, new BigDecimal("0.5"),
                    new BigDecimal("0.75"), one);
            case Detectors.MULTIZONE_NONPROD -> new Rule(UsageSignatures.INTER_AZ, BigDecimal.ZERO,
                    new BigDecimal("0.5"), one);
            case Detectors.NET_NAT_HEAVY -> new Rule(UsageSignatures.NAT_BYTES, BigDecimal.ZERO,
                    new BigDecimal("0.5"), one);
            case Detectors.COMPUTE_PREVGEN -> each(UsageSignatures.ANY, prevGenMove(facts, profile).savedShare());
            case Detectors.NONPROD_ALWAYS_ON -> each(UsageSignatures.ANY, offHours(profile));
            case Detectors.NONPROD_PROD_SHAPED -> {
                // Scheduling the environment is the saving we stand behind (low and expected); tearing it down between
                // uses (an ephemeral environment) is the ceiling, so high is the whole list cost.
                BigDecimal off = offHours(profile);
                yield new Rule(UsageSignatures.ANY, off, off, one);
            }
            case Detectors.SAAS_UNUSED_SEATS -> each(UsageSignatures.ANY, unusedSeats(row));
            default -> throw new IllegalArgumentException("no savings rule for detector " + detector
                    + " of resource " + facts.resourceId());
        };
    }
}
