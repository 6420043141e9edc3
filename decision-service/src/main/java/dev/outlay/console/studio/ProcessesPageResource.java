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
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Read-only view of the BPMN processes: each diagram drawn from its BPMNDI, and per instance (a spend request's
 * approval, a violation's triage, a month-end close) the active node highlighted with the instance's history. The
 * classic KIE BPMN viewer is offered as well when the studio's editor asset was fetched at build time.
 */
@Path("/console/processes")
public class ProcessesPageResource {

    /** Who reads spend requests and closes; engineering and approvers see none of the studio. */
    static final Set<String> ROLES = Set.of("admin", "finops_admin", "finance", "leadership", "auditor");

    @Inject
    CurrentSession current;

    @Inject
    ProcessLiveState live;

    @Inject
    @Location("console/studio/processes.html")
    Template list;

    @Inject
    @Location("console/studio/process.html")
    Template detail;

    public record Drawn(String processId, String name, String file, String svg) {
    }

    @GET
    public Response all() {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        ConsolePages.requireAnyRole(s, ROLES);
        List<Drawn> drawn = ProcessCatalog.all().stream().map(e -> new Drawn(e.diagram().processId(), e.diagram().name(), e.file(),
                ProcessSvg.render(e.diagram(), Set.of(), Set.of()))).toList();
        return ConsolePages.html(200, list.data("session", s).data("processes", drawn).data("instances", live.recent()).render());
    }

    @GET
    @Path("/{processId}/{instanceId}")
    public Response instance(@PathParam("processId") String processId, @PathParam("instanceId") String instanceId) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        ConsolePages.requireAnyRole(s, ROLES);
        ProcessCatalog.Entry entry = ProcessCatalog.byId(processId).orElseThrow(() -> ProblemException.notFound("No process " + processId + "."));
        ProcessLiveState.State state = live.state(processId, instanceId)
                .orElseThrow(() -> ProblemException.notFound("No instance " + instanceId + " of " + processId + "."));
        Set<String> active = new TreeSet<>();
        state.active().forEach(n -> active.add(n.id()));
        String svg = ProcessSvg.render(entry.diagram(), active, state.visited());
        return ConsolePages.html(200, detail.data("session", s).data("state", state).data("svg", svg).data("name", entry.diagram().name())
                .data("file", entry.file()).data("viewer", EditorAssets.present(EditorAssets.BPMN)).data("viewerAsset", EditorAssets.BPMN).render());
    }
}
