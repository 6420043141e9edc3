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
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The price table shipped with Outlay: AWS Compute Savings Plans rates for one reference instance, transcribed by
 * hand (not fetched). A discount here is 1 − plan rate ÷ on-demand rate of that instance; real plans apply a
 * different rate to every instance type, OS and region, so this is an approximation of a mixed fleet's rate.
 */
public final class BundledPriceTable {

    static final BigDecimal ON_DEMAND = new BigDecimal("0.398");

    private BundledPriceTable() {
    }

    public static PriceTable awsComputeSavingsPlans() {
        return new PriceTable("aws-compute-sp-c5xlarge-windows-apne1",
                "AWS Pricing Calculator output for one c5.xlarge (Windows Server licence, RunInstances:0002, shared tenancy) in "
                        + "ap-northeast-1, as recorded in a public repository document titled 'AWS Calculator Ouput': on-demand 0.398 USD/h; "
                        + "Compute Savings Plans 1 year 0.361 (No Upfront), 0.352 (Partial, 50 % upfront), 0.349 (All Upfront); "
                        + "3 years 0.31, 0.301, 0.299 USD/h",
                null, LocalDate.parse("2026-12-03"),
                "Transcribed by hand; the calculator run's date is not stated in the document (publishedOn is null). The Windows licence "
                        + "is not discounted, so these discounts (9-25 %) are below Linux ones; store a table of your own rates for precision.",
                List.of(offer(1, PaymentOption.NO_UPFRONT, "0.361", "0"),
                        offer(1, PaymentOption.PARTIAL_UPFRONT, "0.352", "0.5"),
                        offer(1, PaymentOption.ALL_UPFRONT, "0.349", "1"),
                        offer(3, PaymentOption.NO_UPFRONT, "0.31", "0"),
                        offer(3, PaymentOption.PARTIAL_UPFRONT, "0.301", "0.5"),
                        offer(3, PaymentOption.ALL_UPFRONT, "0.299", "1")));
    }

    /** discount = 1 − rate ÷ on-demand, 10 decimals HALF_EVEN. */
    static CommitmentOffer offer(int years, PaymentOption payment, String rate, String upfront) {
        BigDecimal d = BigDecimal.ONE.subtract(new BigDecimal(rate).divide(ON_DEMAND, Recommender.SCALE, RoundingMode.HALF_EVEN));
        return new CommitmentOffer("aws-compute-savings-plan", years, payment, d, new BigDecimal(upfront));
    }
}
