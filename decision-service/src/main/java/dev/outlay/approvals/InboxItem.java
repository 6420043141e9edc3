package dev.outlay.approvals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/** A task the caller may act on, with the business context needed to decide without leaving the inbox. */
public record InboxItem(String taskId, String taskName, String status, String actualOwner, Set<String> groups,
                        String kind, String subjectId, String requester, String owner, String resourceClass, String environment,
                        BigDecimal amount, String currency, String policyReason, String ruleId, BigDecimal budgetRemaining,
                        BigDecimal forecastOverrunPct, Instant deadline, String question) {
}
