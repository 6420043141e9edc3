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
package dev.outlay.connectors.stripe;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * Stripe's minor units as decimals. Stripe's own list decides, not {@link java.util.Currency}: Stripe documents its
 * zero-decimal and three-decimal currencies, and it sends ISK and UGX amounts as if they had two decimals (always a
 * multiple of 100), while the JDK gives both zero digits.
 */
public final class StripeAmounts {

    static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf",
            "vnd", "vuv", "xaf", "xof", "xpf");
    static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

    private StripeAmounts() {
    }

    public static int digits(String currency) {
        String c = currency.toLowerCase(Locale.ROOT);
        if (ZERO_DECIMAL.contains(c)) return 0;
        return THREE_DECIMAL.contains(c) ? 3 : 2;
    }

    /** The decimal amount of {@code minor} units, at the currency's scale. */
    public static BigDecimal of(long minor, String currency) {
        return BigDecimal.valueOf(minor, digits(currency));
    }
}
