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

/**
 * Facts that lower confidence in a comparison. A period the provider has not finalized (AWS: blank
 * {@code bill/InvoiceId}; Azure: less than 72 h after the period ends) is still estimated; credits and refunds may
 * arrive after finalization; missing days mean the ledger side is incomplete, so any difference may be a gap.
 */
public record ConfidenceInputs(boolean finalAtProvider, boolean creditsPending, int missingDays) {
    public static ConfidenceInputs complete() {
        return new ConfidenceInputs(true, false, 0);
    }

    Confidence assess() {
        java.util.List<String> reasons = new java.util.ArrayList<>();
        if (missingDays > 0) {
            reasons.add(missingDays + " expected day(s) missing from the ledger");
        }
        if (!finalAtProvider) {
            reasons.add("period not final at the provider (estimated charges may still change)");
        }
        if (creditsPending) {
            reasons.add("credits or refunds pending for the period");
        }
        Confidence.Level level = missingDays > 0 || reasons.size() > 1 ? Confidence.Level.LOW
                : reasons.isEmpty() ? Confidence.Level.HIGH : Confidence.Level.MEDIUM;
        return new Confidence(level, reasons);
    }
}
