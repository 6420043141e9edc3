package dev.outlay.audit;

import java.time.Instant;

/** One link of a tenant's audit chain. {@code before}/{@code after} are canonical JSON text (or null). */
public record AuditEntry(long seq, Instant at, String actor, String action, String objectType, String objectId,
                         String before, String after, String requestId, String clientAddress,
                         String prevHash, String hash) {
}
