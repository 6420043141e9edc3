/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import dev.outlay.console.ConsolePages;
import dev.outlay.console.ConsoleSession;
import dev.outlay.decisions.RuleSetInfo;
import dev.outlay.decisions.RuleSetService;
import dev.outlay.decisions.RuleVersion;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every studio page shares: who may read and who may change rule sets, and which version a page opens. The
 * studio is for the people who own the rules: finops admins change them; auditors and admins read them. Other roles
 * (engineering, approvers, finance, ...) get 403 on every studio page, although some of them read rule sets through
 * the API. Changing is finops_admin only: the API lets admins save drafts too, but only finops admins publish, and
 * the studio's save-then-publish flow is theirs.
 */
final class RuleSetPages {

    static final Set<String> READERS = Set.of("finops_admin", "auditor", "admin");
    static final Set<String> WRITERS = Set.of("finops_admin");

    /** Content-Security-Policy of the studio's pages except the DMN editor's (see {@link EditorPageResource}). */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    private RuleSetPages() {
    }

    static void requireReader(ConsoleSession s) {
        ConsolePages.requireAnyRole(s, READERS);
    }

    static void requireWriter(ConsoleSession s, String csrf) {
        ConsolePages.requireCsrf(s, csrf);
        ConsolePages.requireAnyRole(s, WRITERS);
    }

    static boolean canWrite(ConsoleSession s) {
        return s.roles().stream().anyMatch(WRITERS::contains);
    }

    static String rolesText() {
        return String.join(", ", new TreeSet<>(READERS));
    }

    /** The version a page opens: the one asked for, else the active one, else the newest. 404 when there is none. */
    static RuleVersion open(RuleSetService service, String name, String hash) {
        if (hash != null && !hash.isBlank()) return service.version(name, hash.strip());
        RuleSetInfo info = service.info(name);
        if (info.activeHash() != null) return service.version(name, info.activeHash());
        List<RuleVersion> versions = service.versions(name);
        if (versions.isEmpty()) throw dev.outlay.api.problem.ProblemException.notFound("Rule set " + name + " has no versions.");
        return service.version(name, versions.get(0).hash());
    }

    static Response html(int status, String body) {
        return Response.fromResponse(ConsolePages.html(status, body)).header("Content-Security-Policy", CSP).build();
    }

    /** The rule set's page; names match {@link RuleSetService#NAME_PATTERN}, so they need no escaping in a path. */
    static String page(String name) {
        return "/console/studio/rule-sets/" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String shortHash(String hash) {
        return hash == null ? null : hash.substring(0, Math.min(12, hash.length()));
    }
}
