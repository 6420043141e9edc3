/**
 * Savings findings engine, plain Java: turns ledger rows, inventory and utilization samples into deterministic
 * signals (daily metric aggregates with gaps made explicit, finding ids, savings ranges, tier-capped confidence).
 * What a signal means is decided by the rule sets, not here.
 */
package dev.outlay.findings;
