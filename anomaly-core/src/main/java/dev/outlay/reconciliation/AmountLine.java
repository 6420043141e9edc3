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

import java.math.BigDecimal;
import java.util.Objects;

/** One side's amount for a billing account and service, in one currency (never mixed: the reconciler refuses). */
public record AmountLine(String account, String service, String currency, BigDecimal amount) {
    public AmountLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
    }
}
