package dev.outlay.approvals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Observed spend over a guardrail: who owns it, which policy version judged it, the evidence, and triage progress. */
public record Violation(UUID id, String owner, String resourceClass, String environment, BigDecimal amount, String currency, String outcome,
                        String ruleId, String policyReason, String policyVersion, String evidence, String status,
                        String processInstanceId, String action, String acknowledgedBy, String verifiedBy, Instant createdAt) {
}
