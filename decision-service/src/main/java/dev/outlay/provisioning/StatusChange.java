package dev.outlay.provisioning;

/** Why the operator suspends or resumes a tenant (recorded and shown to the operator). */
public record StatusChange(String reason) {
}
