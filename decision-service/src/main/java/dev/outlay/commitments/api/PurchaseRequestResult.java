package dev.outlay.commitments.api;

import dev.outlay.approvals.SpendRequest;
import dev.outlay.commitments.OfferRecommendation;

/** The spend request made from an offer, with the recommendation and price table it came from. */
public record PurchaseRequestResult(String recommendationId, String priceTableVersion, OfferRecommendation offer, SpendRequest spendRequest) {
}
