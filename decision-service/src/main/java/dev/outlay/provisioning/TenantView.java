package dev.outlay.provisioning;

import java.time.Instant;

/** A tenant as the operator sees it: registry entry, status and plan. */
public record TenantView(String id, String displayName, boolean demo, Instant createdAt, String status, Instant statusChangedAt,
                         String statusReason, String plan, TenantLimits limits) {
}
