package dev.outlay.provisioning;

/** A tenant's plan (free, team, enterprise) and its limits: what metering enforces. */
public record TenantPlan(String tenantId, String plan, TenantLimits limits) {
}
