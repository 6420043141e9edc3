/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.console.ConsoleSession;
import dev.outlay.decisions.RuleSetInfo;
import dev.outlay.decisions.RuleSetService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** One rule set's page, for its GET and for the actions that come back to it with a notice or a refusal. */
@ApplicationScoped
public class RuleSetPageRenderer {

    @Inject
    RuleSetService service;

    @Inject
    @Location("console/studio/rule-set.html")
    Template detail;

    /** A refused action shows its problem (and, for publish, the failing scenarios) on top of the page. */
    Response render(ConsoleSession s, String id, int status, String notice, Problem problem, List<String> failures) {
        try {
            RuleSetPages.requireReader(s);
            RuleSetInfo info = service.info(id);
            var versions = service.versions(id);
            var activations = service.activations(id);
            return RuleSetPages.html(status, detail.data("session", s).data("rs", RuleSetView.row(info, versions, activations))
                    .data("timeline", RuleSetView.timeline(versions)).data("history", RuleSetView.history(activations))
                    .data("canWrite", RuleSetPages.canWrite(s)).data("notice", notice).data("problem", problem)
                    .data("failures", failures).render());
        } catch (ProblemException e) {
            return RuleSetPages.html(e.problem().status(), detail.data("session", s).data("rs", null).data("timeline", List.of())
                    .data("history", List.of()).data("canWrite", false).data("notice", null).data("problem", e.problem())
                    .data("failures", List.of()).render());
        }
    }
}
