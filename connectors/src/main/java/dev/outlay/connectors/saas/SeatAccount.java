package dev.outlay.connectors.saas;

/**
 * Whose seats these are: {@code vendor} is the contract price table's vendor id, {@code provider} the FOCUS
 * ProviderName, {@code accountId} the SaaS account (Entra tenant id, Salesforce org id), which is also the
 * FOCUS BillingAccountId and so, with the month, the ledger's replace scope.
 */
public record SeatAccount(String vendor, String provider, String accountId, String accountName, String servicePrefix) {
}
