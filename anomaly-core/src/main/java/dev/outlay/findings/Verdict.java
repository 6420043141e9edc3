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
import java.util.Objects;
import java.util.Set;

/**
 * One outcome a DRL rule set asserted for one input row.
 *
 * @param outcome        {@code finding}, {@code insufficient-data} (a metric detector without enough metrics — never a
 *                       silent skip) or {@code waived} (a waiver rule matched; {@code waiverReason} says which)
 * @param action         RELEASE, DELETE, STOP, RESIZE, MIGRATE, SCHEDULE, DOWNGRADE_HA or REVIEW
 * @param risk           low, medium or high: what acting on it could break
 * @param rawConfidence  the rule's confidence before the tier cap
 * @param billingIsState the billed line item is itself the state (idle public IPv4), which lifts the billing cap
 */
public record Verdict(String detector, String outcome, String action, String probableCause, String requiredAction,
                      String risk, BigDecimal rawConfidence, EvidenceTier tier, boolean billingIsState,
                      String waiverReason) {

    public static final String FINDING = "finding";
    public static final String INSUFFICIENT_DATA = "insufficient-data";
    public static final String WAIVED = "waived";

    private static final Set<String> OUTCOMES = Set.of(FINDING, INSUFFICIENT_DATA, WAIVED);
    private static final Set<String> ACTIONS = Set.of("RELEASE", "DELETE", "STOP", "RESIZE", "MIGRATE", "SCHEDULE",
            "DOWNGRADE_HA", "REVIEW");
    private static final Set<String> RISKS = Set.of("low", "medium", "high");

    public Verdict {
        Objects.requireNonNull(detector, "detector");
        if (!OUTCOMES.contains(outcome)) throw new IllegalArgumentException(detector + ": unknown outcome " + outcome);
        if (!ACTIONS.contains(action)) throw new IllegalArgumentException(detector + ": unknown action " + action);
        if (!RISKS.contains(risk)) throw new IllegalArgumentException(detector + ": unknown risk " + risk);
        Objects.requireNonNull(rawConfidence, "confidence");
        Objects.requireNonNull(tier, "tier");
        if (WAIVED.equals(outcome) && (waiverReason == null || waiverReason.isBlank())) {
            throw new IllegalArgumentException(detector + ": a waived outcome needs its reason");
        }
    }

    public boolean isFinding() {
        return FINDING.equals(outcome);
    }
}
