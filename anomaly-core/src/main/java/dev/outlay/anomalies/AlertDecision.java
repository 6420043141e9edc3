package dev.outlay.anomalies;

/**
 * What suppression made of one anomaly. {@code alertId} is the alert it raised or joined (the id of the first
 * anomaly of the episode), null when snoozed.
 */
public record AlertDecision(String anomalyId, Outcome outcome, String alertId) {

    public enum Outcome {
        /** First anomaly of a new episode: notify. */
        NEW,
        /** Same series and cause as an open episode: attach, do not notify again. */
        ONGOING,
        /** Already decided in an earlier run (detection windows overlap): nothing to do. */
        DUPLICATE,
        /** Inside a manual snooze. */
        SNOOZED
    }
}
