/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.commitments.api;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.approvals.SpendRequest;
import dev.outlay.approvals.SpendRequestService;
import dev.outlay.commitments.OfferRecommendation;
import dev.outlay.commitments.PaymentOption;
import dev.outlay.money.MinorUnits;
import dev.outlay.policy.PolicyRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A recommendation's offer as a spend request: the amount is the commitment's total over its term (what the tenant
 * commits to pay), so the spend policy and its approval process decide it like any other spend.
 */
@ApplicationScoped
public class CommitmentPurchases {

    @Inject
    CommitmentRecommendations recommendations;

    @Inject
    SpendRequestService spendRequests;

    public PurchaseRequestResult request(PurchaseRequestInput in) {
        if (in == null) throw ProblemException.badRequest("A body is required.", Problem.Fault.at("", "required"));
        List<Problem.Fault> faults = new ArrayList<>();
        if (in.recommendationId() == null || in.recommendationId().isBlank()) faults.add(Problem.Fault.at("recommendationId", "required"));
        if (in.currency() == null || in.currency().isBlank()) faults.add(Problem.Fault.at("currency", "required"));
        if (in.termYears() == null || (in.termYears() != 1 && in.termYears() != 3)) faults.add(Problem.Fault.at("termYears", "1 or 3"));
        PaymentOption payment = null;
        try {
            if (in.payment() != null) payment = PaymentOption.valueOf(in.payment());
        } catch (IllegalArgumentException e) {
            payment = null;
        }
        if (payment == null) faults.add(Problem.Fault.at("payment", "one of NO_UPFRONT, PARTIAL_UPFRONT, ALL_UPFRONT"));
        if (!faults.isEmpty()) throw ProblemException.badRequest("The purchase request is not valid.", faults.toArray(Problem.Fault[]::new));

        CommitmentRecommendationReport report = recommendations.report(in.asOf(), in.lookbackDays() == null ? null : in.lookbackDays().toString());
        CommitmentRecommendationReport.Item item = report.recommendations().stream().filter(i -> i.currency().equals(in.currency())).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("no recommendation in " + in.currency(), Problem.Fault.at("currency", "no eligible usage in it")));
        if (!item.id().equals(in.recommendationId())) {
            throw ProblemException.conflict("recommendation " + in.recommendationId() + " is not the current one (" + item.id()
                    + "): the ledger or the window changed; read the recommendations again");
        }
        PaymentOption wanted = payment;
        OfferRecommendation offer = item.recommendation().offers().stream()
                .filter(o -> o.termYears() == in.termYears() && o.payment() == wanted).findFirst()
                .orElseThrow(() -> ProblemException.unprocessable("no such offer in the recommendation",
                        List.of(Problem.Fault.at("termYears", "no " + in.termYears() + "-year " + wanted + " offer"))));
        if (!"RECOMMENDED".equals(item.recommendation().status()) || offer.expectedMonthlySavings().signum() <= 0) {
            throw ProblemException.unprocessable("this offer saves nothing on the usage it was sized on; nothing to buy",
                    List.of(Problem.Fault.at("payment", "expected monthly savings " + offer.expectedMonthlySavings().toPlainString())));
        }
        String currency = in.currency();
        var amount = MinorUnits.known(currency) ? MinorUnits.round(offer.totalCommitment(), currency) : offer.totalCommitment().setScale(2, RoundingMode.HALF_EVEN);
        String description = String.format("Compute Savings Plan %d year %s: %s %s/h commitment (covers %s/h on-demand); upfront %s, "
                        + "expected savings %s/month (P10 %s, P90 %s); recommendation %s, price table %s",
                offer.termYears(), offer.payment(), offer.hourlyCommitment().setScale(4, RoundingMode.HALF_EVEN).toPlainString(), currency,
                offer.coveredOdePerHour().setScale(4, RoundingMode.HALF_EVEN).toPlainString(),
                offer.upfront().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                offer.expectedMonthlySavings().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                offer.monthlySavingsP10().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                offer.monthlySavingsP90().setScale(2, RoundingMode.HALF_EVEN).toPlainString(), item.id(), report.priceTable().version());
        SpendRequest r = spendRequests.create(new PolicyRequest(in.budgetId(), "standard",
                in.environment() == null ? "prod" : in.environment(), amount, currency, in.owner() == null ? "finops" : in.owner(), description));
        return new PurchaseRequestResult(item.id(), report.priceTable().version(), offer, r);
    }
}
