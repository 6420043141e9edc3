package dev.outlay.approvals;

/**
 * What the caller decided on a task. ApproveSpend: approve | reject | more-info; ProvideInfo: the answer goes in
 * {@code comment}; AcknowledgeViolation: the action taken in {@code comment}; VerifyViolation: verified | not-verified.
 */
public record InboxDecision(String decision, String comment) {
}
