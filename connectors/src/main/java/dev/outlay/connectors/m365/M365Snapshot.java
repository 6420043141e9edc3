package dev.outlay.connectors.m365;

import dev.outlay.connectors.saas.SeatSubscription;

import java.time.Instant;
import java.util.List;

/**
 * The seats of a Microsoft 365 tenant as Graph reports them at {@code asOf}. {@code activityKnown} is false when the
 * tenant has no Entra ID P1 (Graph then refuses {@code signInActivity}): seats are still charged, but active counts
 * are unknown and no unused-seat judgement is made.
 */
public record M365Snapshot(String tenantId, Instant asOf, List<SeatSubscription> subscriptions, int users, boolean activityKnown) {
}
