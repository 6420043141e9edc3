package dev.outlay.scim;

import java.time.Instant;

/** A new SCIM secret, shown this once: {@code secret} is what the IdP's provisioning settings take as its bearer token. */
public record IssuedScimSecret(String id, String secret, Instant createdAt, int previousSecretsValidFor, Instant previousValidUntil) {
}
