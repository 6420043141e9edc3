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
import java.time.LocalDate;
import java.util.List;

/**
 * A finding as persisted: deterministic (same facts, rule version and profile version give the same record), money
 * per currency, evidence that explains it.
 *
 * @param ruleVersion    content hash of the rule-set version that decided
 * @param profileVersion content hash of the finding-profiles version the thresholds came from
 * @param confidence     the rule's confidence capped by the evidence tier
 * @param savings        monthly savings, one range per currency, never summed
 * @param windowStart    first day of the window the detector judged (inclusive)
 * @param windowEnd      the scan date (inclusive)
 * @param outcome        finding, insufficient-data or waived (from the verdict)
 * @param waiverReason   why a waived outcome was waived, else null
 */
public record DetectedFinding(String id, String resourceId, String provider, String accountId, String region,
                              String detector, String ruleSet, String ruleVersion, String profile,
                              String profileVersion, EvidenceTier tier, BigDecimal confidence, String action,
                              String probableCause, String requiredAction, String risk, List<SavingsRange> savings,
                              FindingEvidence evidence, LocalDate windowStart, LocalDate windowEnd, String outcome,
                              String waiverReason) {

    public DetectedFinding {
        savings = List.copyOf(savings);
    }
}
