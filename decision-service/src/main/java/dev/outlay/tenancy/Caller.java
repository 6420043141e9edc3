package dev.outlay.tenancy;

import java.util.Set;

/** Who is calling: the tenant and subject from a verified token, and the roles it grants. */
public record Caller(String tenantId, String subject, Set<String> roles) {

    public static final Set<String> ROLES = Set.of(
            "admin", "finops_admin", "finance", "platform", "engineering", "leadership", "approver", "auditor");

    /** The platform operator's role: not a tenant role, and only honoured on a token without a tenant claim. */
    public static final String OPERATOR_ROLE = "outlay_operator";

    /** Roles for people to read: the Outlay roles by name, then the owner groups as "team ...". */
    public static String describe(Set<String> roles) {
        java.util.List<String> out = new java.util.ArrayList<>(roles.stream().filter(ROLES::contains).sorted().toList());
        roles.stream().filter(r -> !ROLES.contains(r)).sorted().forEach(g -> out.add("team " + g));
        return String.join(", ", out);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
