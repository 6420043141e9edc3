package dev.outlay.provisioning;

/** The operator's create request: a slug id, a display name, a plan (default free) and limits overriding the plan's. */
public record TenantCreation(String id, String displayName, String plan, TenantLimits limits) {
}
