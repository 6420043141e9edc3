/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.alerts;

import java.util.Locale;
import java.util.Optional;

/** The anomaly-classification rule set's severities, in the order thresholds compare them. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    /** Empty for null or a value the rule set does not name (a custom rule version may, and must not crash routing). */
    public static Optional<Severity> parse(String label) {
        if (label == null) return Optional.empty();
        for (Severity s : values()) {
            if (s.label().equals(label.trim().toLowerCase(Locale.ROOT))) return Optional.of(s);
        }
        return Optional.empty();
    }
}
