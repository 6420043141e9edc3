/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The semantic rule-row diff of two versions ({@link SemanticTableDiff}: rows matched by content, so an editor's
 * id rewrite is no change) and, with {@code ?xml=true} or for DRL, the line diff of the stored text in hunks.
 */
@Path("/api/v1/rulesets/{name}/versions/{a}/semantic-diff/{b}")
@Produces(MediaType.APPLICATION_JSON)
public class RowDiffResource {

    static final int CONTEXT_LINES = 3;

    @Inject
    RuleSetService service;

    @Inject
    RuleRuntime runtime;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowDiff(String ruleSet, String from, String to, RuleKind kindFrom, RuleKind kindTo, List<SemanticTableDiff.Table> tables,
                          List<TextDiff.Hunk> text) {
    }

    @Operation(operationId = "semanticDiffRuleSetVersions", summary = "Compare two versions' rule rows",
            description = "The semantic rule-row diff of versions `a` and `b` (rows matched by content, so an editor's id "
                    + "rewrite is no change) and, with `xml=true` or for DRL, the line diff of the stored text in hunks.")
    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public RowDiff diff(@PathParam("name") String name, @PathParam("a") String a, @PathParam("b") String b, @QueryParam("xml") boolean xml) {
        return of(service.version(name, a), service.version(name, b), xml);
    }

    /** Also what the console's diff page shows. */
    public RowDiff of(RuleVersion va, RuleVersion vb, boolean withText) {
        boolean dmn = va.kind() == RuleKind.DMN && vb.kind() == RuleKind.DMN;
        List<SemanticTableDiff.Table> tables = dmn ? SemanticTableDiff.between(((CompiledDmn) runtime.compiled(va)).model(),
                ((CompiledDmn) runtime.compiled(vb)).model()) : null;
        List<TextDiff.Hunk> text = withText || !dmn ? TextDiff.hunks(va.content(), vb.content(), CONTEXT_LINES) : null;
        return new RowDiff(va.ruleSet(), va.hash(), vb.hash(), va.kind(), vb.kind(), tables, text);
    }
}
