package dev.outlay.connectors.salesforce;

import dev.outlay.connectors.saas.SeatSubscription;

import java.util.List;

/** A Salesforce org's licences now: user licences (with active users and departments) and permission set licences. */
public record SalesforceSnapshot(String orgId, String orgName, List<SeatSubscription> subscriptions) {
}
