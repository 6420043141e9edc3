/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import java.time.Duration;

/**
 * When to try again: the receiver's Retry-After when it sent one (it knows its own limits; capped at the maximum so
 * a wrong header cannot park a delivery for days), otherwise base × 2^(attempt−1), capped.
 */
final class Backoff {

    private Backoff() {
    }

    static Duration after(int attempt, Duration retryAfter, Duration base, Duration max) {
        if (retryAfter != null) return retryAfter.compareTo(max) > 0 ? max : retryAfter;
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        Duration d = base.multipliedBy(1L << shift);
        return d.compareTo(max) > 0 ? max : d;
    }
}
