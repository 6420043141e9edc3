/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
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
