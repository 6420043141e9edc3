/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditChain;
import dev.outlay.audit.AuditCsv;
import dev.outlay.audit.AuditEntry;
import dev.outlay.audit.AuditFilter;
import dev.outlay.audit.AuditLog;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The audit log for auditors: filter by actor, action and time, verify the tenant's chain against its anchors, and
 * download the filtered entries as the API's CSV (chain fields included, so an export verifies offline). The page
 * shows the newest {@value #SHOWN} matching entries; the CSV has them all.
 */
@Path("/console/audit{format: (\\.csv)?}")
public class AuditPageResource {

    /** As {@code AuditResource}. */
    static final Set<String> ROLES = Set.of("auditor", "admin");
    static final int SHOWN = 200;

    @Inject
    CurrentSession current;

    @Inject
    AuditLog audit;

    @Inject
    @Location("console/audit.html")
    Template page;

    /** The form's values, echoed back into it, and the same filter as a query string for the CSV link. */
    public record Query(String from, String to, String actor, String action, String encoded) {
    }

    @GET
    public Response get(@PathParam("format") String format, @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("actor") String actor, @QueryParam("action") String action, @QueryParam("verify") String verify) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        Query q = new Query(nz(from), nz(to), nz(actor), nz(action), encode(from, to, actor, action));
        try {
            ConsolePages.requireAnyRole(s, ROLES);
            AuditFilter f = AuditFilter.parse(from, to, actor, action);
            List<AuditEntry> entries = audit.list(f.from(), f.to(), f.actor(), f.action());
            if (".csv".equals(format)) {
                return Response.ok(AuditCsv.write(entries), "text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"audit.csv\"").header("Cache-Control", "no-store").build();
            }
            AuditChain.Verification v = verify != null ? audit.verify() : null;
            List<AuditEntry> shown = new java.util.ArrayList<>(entries.subList(Math.max(0, entries.size() - SHOWN), entries.size()));
            java.util.Collections.reverse(shown);
            return ConsolePages.html(200, page.data("session", s).data("q", q).data("entries", shown).data("total", entries.size())
                    .data("verification", v).data("problem", null).render());
        } catch (ProblemException e) {
            Problem p = e.problem();
            return ConsolePages.html(p.status(), page.data("session", s).data("q", q).data("entries", List.of()).data("total", 0)
                    .data("verification", null).data("problem", p).render());
        }
    }

    private static String nz(String v) {
        return v == null ? "" : v;
    }

    private static String encode(String from, String to, String actor, String action) {
        StringBuilder sb = new StringBuilder();
        String[][] pairs = {{"from", from}, {"to", to}, {"actor", actor}, {"action", action}};
        for (String[] p : pairs) {
            if (p[1] == null || p[1].isBlank()) continue;
            sb.append(sb.isEmpty() ? "" : "&").append(p[0]).append('=').append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
