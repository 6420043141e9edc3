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
package dev.outlay.commitments;

import java.math.BigDecimal;

/**
 * One purchasable commitment: {@code discount} = 1 − commitment rate ÷ on-demand rate (a dollar of commitment buys
 * 1 ÷ (1 − discount) dollars of on-demand-equivalent usage), {@code upfrontFraction} of the term's total paid at
 * purchase (0, 0.5, 1 for AWS).
 */
public record CommitmentOffer(String plan, int termYears, PaymentOption payment, BigDecimal discount, BigDecimal upfrontFraction) {
}
