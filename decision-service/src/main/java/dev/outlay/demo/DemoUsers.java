/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import dev.outlay.tenancy.Caller;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo tenant's people: named personas who hold several roles as real teams do (a finance lead who also approves
 * spend, a platform engineer in the data team, ...), then one {@code demo-<role>} user per role, as {@code ./outlay
 * token} issues them. Roles that are not Outlay roles are owner groups (the teams whose findings and tasks the person
 * sees, as a token's groups are).
 */
public final class DemoUsers {

    public record DemoUser(String subject, String name, Set<String> roles, boolean persona) {

        /** Outlay roles first, by name, then the owner groups as "team ...". */
        public String rolesText() {
            return Caller.describe(roles);
        }
    }

    public static final List<DemoUser> PERSONAS = List.of(
            new DemoUser("fran.finance-lead", "Fran, finance lead who also approves spend", Set.of("finance", "approver"), true),
            new DemoUser("pia.platform-engineer", "Pia, platform engineer in the data team", Set.of("platform", "engineering", "data"), true),
            new DemoUser("eli.web-engineer", "Eli, engineer in the web team", Set.of("engineering", "web"), true),
            new DemoUser("lou.vp-engineering", "Lou, VP engineering who signs off large spend", Set.of("leadership", "approver"), true),
            new DemoUser("omar.finops-lead", "Omar, FinOps lead", Set.of("finops_admin", "finance"), true),
            new DemoUser("ada.auditor", "Ada, internal auditor", Set.of("auditor"), true));

    /** Personas first: each has the home view of its first persona role; the one-role users follow. */
    public static final List<String> ROLE_ORDER = List.of("engineering", "finance", "platform", "leadership",
            "approver", "auditor", "finops_admin", "admin");

    private DemoUsers() {
    }

    public static List<DemoUser> all() {
        List<DemoUser> out = new ArrayList<>(PERSONAS);
        for (String r : ROLE_ORDER) {
            if (Caller.ROLES.contains(r)) out.add(new DemoUser("demo-" + r, "demo-" + r, Set.of(r), false));
        }
        return List.copyOf(out);
    }

    public static Optional<DemoUser> find(String subject) {
        return all().stream().filter(u -> u.subject().equals(subject)).findFirst();
    }

    public static Optional<DemoUser> ofRole(String role) {
        return find("demo-" + role);
    }
}
