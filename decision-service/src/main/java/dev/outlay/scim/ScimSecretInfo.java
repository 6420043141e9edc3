package dev.outlay.scim;

import java.time.Instant;

/** A SCIM secret as the admin API shows it: never the secret itself. {@code notAfter} ends a rotated secret's overlap. */
public record ScimSecretInfo(String id, String createdBy, Instant createdAt, Instant notAfter, Instant revokedAt,
                             Instant lastUsedAt, boolean usable) {
}
