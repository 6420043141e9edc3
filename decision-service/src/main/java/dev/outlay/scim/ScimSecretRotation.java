package dev.outlay.scim;

/** A rotation request: how long the secrets issued before stay valid (0 = end them now). */
public record ScimSecretRotation(Integer overlapMinutes) {
}
