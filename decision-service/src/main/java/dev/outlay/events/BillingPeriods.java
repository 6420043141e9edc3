/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The billing month an export object belongs to, read from its key: CUR 2.0 writes {@code BILLING_PERIOD=YYYY-MM},
 * legacy CUR and Azure exports a {@code YYYYMMDD-YYYYMMDD} folder. A key with neither polls what the schedule polls.
 */
final class BillingPeriods {

    private static final Pattern CUR2 = Pattern.compile("BILLING_PERIOD=(\\d{4})-(\\d{2})(?:/|$)");
    private static final Pattern RANGE = Pattern.compile("(?:^|/)(\\d{4})(\\d{2})\\d{2}-\\d{8}(?:/|$)");

    private BillingPeriods() {
    }

    static Optional<YearMonth> inKey(String key) {
        for (Pattern p : List.of(CUR2, RANGE)) {
            Matcher m = p.matcher(key);
            if (m.find()) {
                int month = Integer.parseInt(m.group(2));
                if (month >= 1 && month <= 12) return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), month));
            }
        }
        return Optional.empty();
    }

    /** The key's month, or the previous and the current month like the scheduled poll. */
    static List<YearMonth> toPoll(String key, YearMonth current) {
        return inKey(key).map(List::of).orElse(List.of(current.minusMonths(1), current));
    }
}
