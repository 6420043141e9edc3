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

import java.time.Instant;
import java.util.List;

/**
 * One Stripe balance transaction as this reader uses it: amounts in the currency's minor unit, as Stripe sends them
 * ({@code amount} gross, {@code fee} Stripe's part, broken down in {@code fees}).
 */
public record StripeTransaction(String id, String type, Instant created, String currency, long amount, long fee,
                                List<Fee> fees, String description) {

    public StripeTransaction {
        fees = List.copyOf(fees);
    }

    /** One line of {@code fee_details}: {@code stripe_fee}, {@code application_fee} or {@code tax} (tax on the fee). */
    public record Fee(String type, long amount, String currency, String description) {
    }
}
