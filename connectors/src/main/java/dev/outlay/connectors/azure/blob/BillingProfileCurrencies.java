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
package dev.outlay.connectors.azure.blob;

import dev.outlay.connectors.SourceFormatException;
import dev.outlay.model.Charge;

import java.util.HashMap;
import java.util.Map;

/**
 * One billing profile (MCA) or enrollment (EA) invoices in one currency. Rows of one load that put two currencies
 * on one billing account mean a corrupted or mixed-up export; the load is refused rather than summed apart.
 * Shared by every part of one load, so it sees across blobs and across the actual/amortized pair.
 */
public final class BillingProfileCurrencies {

    private record First(String currency, String file, long line) {
    }

    private final Map<String, First> seen = new HashMap<>();

    /** Throws when {@code c} bills its account in another currency than an earlier row did. */
    public void check(Charge c, String file, long line) {
        First first = seen.putIfAbsent(c.billingAccountId(), new First(c.billingCurrency(), file, line));
        if (first != null && !first.currency().equals(c.billingCurrency())) {
            throw new SourceFormatException(file, line, 0, "BillingCurrency", "billing account " + c.billingAccountId()
                    + " is billed in " + c.billingCurrency() + " here but in " + first.currency() + " at " + first.file()
                    + ", line " + first.line() + "; one billing profile has one currency, nothing loaded");
        }
    }
}
