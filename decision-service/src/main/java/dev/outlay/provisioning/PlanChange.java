package dev.outlay.provisioning;

/** A new plan for a tenant; limits absent = the plan's defaults. */
public record PlanChange(String plan, TenantLimits limits) {
}
