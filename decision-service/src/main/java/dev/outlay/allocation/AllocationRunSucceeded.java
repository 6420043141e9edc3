package dev.outlay.allocation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * CDI event: an allocation run's statement is now the one in force for its billing period (fired on the worker
 * thread after the run's transaction committed, tenant bound). {@code by} requested the run.
 */
public record AllocationRunSucceeded(String tenantId, UUID runId, LocalDate billingPeriod, String by) {
}
