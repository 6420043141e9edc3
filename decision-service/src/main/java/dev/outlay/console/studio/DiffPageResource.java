/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.console.ConsolePages;
import dev.outlay.console.ConsoleSession;
import dev.outlay.console.CurrentSession;
import dev.outlay.console.FormValues;
import dev.outlay.decisions.RowDiffResource;
import dev.outlay.decisions.RuleSetService;
import dev.outlay.decisions.RuleVersion;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Set;

/**
 * Two versions of a rule set side by side: per decision table the rows added, removed and changed (matched by
 * content, see {@code SemanticTableDiff}), hit-policy and column changes, and the stored text's line diff on demand.
 * Defaults: {@code to} is the newest version, {@code from} its parent (or the active version).
 */
@Path("/console/studio/rule-sets/{name}/diff")
public class DiffPageResource {

    /** The studio's audit readers, as on the simulate page: engineering and approvers see none of it. */
    static final Set<String> ROLES = SimulatePageResource.ROLES;

    @Inject
    CurrentSession current;

    @Inject
    RuleSetService ruleSets;

    @Inject
    RowDiffResource diffs;

    @Inject
    @Location("console/studio/diff.html")
    Template page;

    @GET
    public Response get(@PathParam("name") String name, @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("xml") String xml) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        ConsolePages.requireAnyRole(s, ROLES);
        List<RuleVersion> versions = ruleSets.versions(name);
        if (versions.isEmpty()) throw ProblemException.notFound("Rule set " + name + " has no versions.");
        RuleVersion b = ruleSets.version(name, FormValues.given(to) == null ? versions.get(0).hash() : FormValues.given(to));
        String fromHash = FormValues.given(from) != null ? FormValues.given(from) : b.parentHash() != null ? b.parentHash()
                : versions.stream().filter(RuleVersion::active).map(RuleVersion::hash).findFirst().orElse(b.hash());
        RuleVersion a = ruleSets.version(name, fromHash);
        boolean withXml = "1".equals(xml) || "true".equals(xml);
        return ConsolePages.html(200, page.data("session", s).data("name", name).data("versions", versions).data("from", a).data("to", b)
                .data("xml", withXml).data("diff", diffs.of(a, b, withXml)).render());
    }
}
