/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.tenancy.Caller;

import java.time.Instant;
import java.util.Set;

/**
 * Who is signed in to the console: the caller the pages act as, when the session ends, and the CSRF token every form
 * of this session must carry back.
 */
public record ConsoleSession(Caller caller, Instant expires, String csrf) {

    /** The persona the home page is built for: the first of the session's roles that has one. */
    public String persona() {
        return personaOf(caller.roles());
    }

    /**
     * Leadership, finance, platform, engineering in that order; administrators get platform's, auditors (with none of
     * those) the auditor's, the rest finance's.
     */
    public static String personaOf(Set<String> roles) {
        for (String p : new String[]{"leadership", "finance", "platform", "engineering"}) {
            if (roles.contains(p)) return p;
        }
        if (roles.contains("admin") || roles.contains("finops_admin")) return "platform";
        if (roles.contains("auditor")) return "auditor";
        return "finance";
    }

    /** The roles as the header prints them: Outlay roles, then owner groups as "team ...". */
    public String rolesText() {
        return Caller.describe(caller.roles());
    }

    public Set<String> roles() {
        return caller.roles();
    }
}
