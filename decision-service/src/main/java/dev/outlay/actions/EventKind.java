package dev.outlay.actions;

/** What happened; the routing rule set's {@code eventKind} input and the outbox row's {@code kind}. */
public enum EventKind {
    ANOMALY_ALERT, FINDING, POLICY_VIOLATION, APPROVAL_TASK, CLOSE_REVIEW, RECONCILIATION_BREACH, INGESTION_FAILURE, SLI_BREACH;

    public String label() {
        return name().toLowerCase();
    }
}
