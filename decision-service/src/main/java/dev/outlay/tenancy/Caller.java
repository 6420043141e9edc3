package dev.outlay.tenancy;

import java.util.Set;

/** Who is calling: the tenant and subject from a verified token, and the roles it grants. */
public record Caller(String tenantId, String subject, Set<String> roles) {

    public static final Set<String> ROLES = Set.of(
            "admin", "finops_admin", "finance", "platform", "engineering", "leadership", "approver", "auditor");

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
