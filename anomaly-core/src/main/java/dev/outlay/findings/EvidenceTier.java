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

/**
 * What a finding's evidence rests on. The tier caps confidence so a billing-only install still works but never
 * claims more than its data supports (detection-close-anchors, tiers B/I/M).
 */
public enum EvidenceTier {
    /** Ledger only. */
    BILLING(new BigDecimal("0.60")),
    /** Ledger plus inventory/config state. */
    INVENTORY(new BigDecimal("0.80")),
    /** Ledger, inventory and utilization metrics. */
    METRICS(new BigDecimal("0.95"));

    /** Where the billed line item is itself the state (idle public IPv4, NAT/LB hours with zero data). */
    public static final BigDecimal BILLING_IS_STATE_CAP = new BigDecimal("0.90");

    private final BigDecimal cap;

    EvidenceTier(BigDecimal cap) {
        this.cap = cap;
    }

    public BigDecimal cap() {
        return cap;
    }

    /**
     * The confidence a finding may report: the rule's raw confidence, clipped to [0, cap]. {@code billingIsState}
     * lifts a BILLING cap to 0.90 and never lowers a higher tier's cap.
     */
    public BigDecimal capConfidence(BigDecimal raw, boolean billingIsState) {
        if (raw == null) throw new IllegalArgumentException("confidence is required");
        BigDecimal limit = billingIsState && cap.compareTo(BILLING_IS_STATE_CAP) < 0 ? BILLING_IS_STATE_CAP : cap;
        if (raw.signum() < 0) return BigDecimal.ZERO.setScale(2);
        return (raw.compareTo(limit) > 0 ? limit : raw).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
}
