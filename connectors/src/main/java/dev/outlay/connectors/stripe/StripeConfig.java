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

import com.stripe.Stripe;
import dev.outlay.connectors.InvalidConfigException;

/**
 * A company's own Stripe account read with a secret or restricted API key. {@code apiBase} defaults to Stripe's and is
 * overridden only by tests and the demo's stub. The key is never printed.
 */
public record StripeConfig(String accountId, String apiKey, String apiBase) {

    static final String ACCOUNT = "acct_[A-Za-z0-9]{6,64}";

    public StripeConfig {
        validate(accountId);
        // sk_ = secret key, rk_ = restricted key (read access to balance transactions is all this reader needs).
        if (apiKey == null || !(apiKey.startsWith("sk_") || apiKey.startsWith("rk_"))) {
            throw new InvalidConfigException("secret", "a Stripe secret (sk_...) or restricted (rk_...) API key is required");
        }
        apiBase = apiBase == null || apiBase.isBlank() ? Stripe.LIVE_API_BASE : apiBase.strip().replaceAll("/+$", "");
    }

    /** The check on the non-secret settings, for a connection's validation before it has a secret. */
    public static void validate(String accountId) {
        if (accountId == null || !accountId.matches(ACCOUNT)) {
            throw new InvalidConfigException("accountId", "the Stripe account id, e.g. acct_1Nv0FGQ9RKHgCVdK");
        }
    }

    @Override
    public String toString() {
        return "StripeConfig[account=" + accountId + ", api=" + apiBase + "]";
    }
}
