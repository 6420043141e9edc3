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
import dev.outlay.decisions.InvalidRuleVersionException;
import dev.outlay.decisions.RuleKind;
import dev.outlay.decisions.RuleSetService;
import dev.outlay.decisions.RuleVersion;
import dev.outlay.decisions.ValidationMessage;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * Opens a version of a rule set for editing: DMN in the embedded classic KIE DMN editor (it writes DMN 1.2, which the
 * service's schema validation accepts), DRL in the studio's code editor ({@link DrlEditorPage}). Saving goes through
 * {@link RuleSetService#saveDraft} exactly as {@code POST /api/v1/rulesets/{name}/versions} does: same validation,
 * same canonical hash, nothing stored on an error.
 */
@Path("/console/studio/rule-sets/{id}/edit")
public class EditorPageResource {

    /**
     * The KIE editor puts its whole UI in an iframe {@code srcdoc} (which inherits this policy) and its bundle uses
     * eval and inline scripts and styles: this page alone allows them. Everything still loads from this origin only.
     */
    static final String EDITOR_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "frame-src 'self' blob: data: about:; worker-src 'self' blob:; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'none'; object-src 'none'";

    @Inject
    CurrentSession current;

    @Inject
    RuleSetService service;

    @Inject
    DrlEditorPage drl;

    @Inject
    @Location("console/studio/editor.html")
    Template editor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("id") String id, @QueryParam("version") String version) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        try {
            RuleSetPages.requireReader(s);
            RuleVersion v = RuleSetPages.open(service, id, version);
            if (v.kind() == RuleKind.DRL) return drl.render(s, v, v.content(), 200, null, List.of());
            String body = editor.data("session", s).data("name", id).data("version", RuleSetView.timeline(List.of(v)).get(0))
                    .data("canWrite", RuleSetPages.canWrite(s)).data("assetPresent", EditorAssets.present(EditorAssets.DMN))
                    .data("asset", EditorAssets.DMN).data("problem", null).render();
            return Response.fromResponse(ConsolePages.html(200, body)).header("Content-Security-Policy", EDITOR_CSP).build();
        } catch (ProblemException e) {
            return RuleSetPages.html(e.problem().status(), editor.data("session", s).data("name", id).data("version", null)
                    .data("canWrite", false).data("assetPresent", false).data("asset", EditorAssets.DMN).data("problem", e.problem()).render());
        }
    }

    /** The version's text as stored, for the editor's initial content. */
    @GET
    @Path("content")
    @Produces({MediaType.TEXT_XML, MediaType.TEXT_PLAIN})
    public Response content(@PathParam("id") String id, @QueryParam("version") String version) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        RuleSetPages.requireReader(s);
        RuleVersion v = RuleSetPages.open(service, id, version);
        return Response.ok(v.content(), v.kind() == RuleKind.DMN ? MediaType.TEXT_XML + ";charset=UTF-8" : MediaType.TEXT_PLAIN + ";charset=UTF-8")
                .header("Cache-Control", "no-store").header("X-Rule-Version", v.hash()).build();
    }

    /**
     * Save from the DMN editor (JSON answer for its script) or from the DRL editor's form (an HTML page). The parent
     * is the version that was opened, so the timeline shows what the draft was made from.
     */
    @POST
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response save(@PathParam("id") String id, @FormParam("csrf") String csrf, @FormParam("content") String content,
                         @FormParam("note") String note, @FormParam("parent") String parent) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        RuleSetPages.requireWriter(s, csrf);
        RuleVersion base = RuleSetPages.open(service, id, parent);
        if (base.kind() == RuleKind.DRL) return drl.save(s, base, content, note);
        try {
            RuleSetService.Saved saved = service.saveDraft(id, content, RuleKind.DMN, blankToNull(note), base.hash());
            RuleVersion v = saved.version();
            return Response.status(saved.created() ? 201 : 200).type(MediaType.APPLICATION_JSON)
                    .entity(new EditorSaveResult(true, saved.created(), v.hash(), v.status(), RuleSetPages.page(id) + "?done=saved&hash=" + v.hash(),
                            saved.created() ? "Saved as a new draft." : "Unchanged: this content is already version " + RuleSetPages.shortHash(v.hash()) + ".",
                            saved.warnings())).build();
        } catch (InvalidRuleVersionException e) {
            return Response.status(422).type(MediaType.APPLICATION_JSON)
                    .entity(new EditorSaveResult(false, false, null, null, null, e.getMessage() + "; nothing was stored.", errorsFirst(e))).build();
        }
    }

    static List<ValidationMessage> errorsFirst(InvalidRuleVersionException e) {
        List<ValidationMessage> out = new ArrayList<>(e.errors());
        e.messages().stream().filter(m -> !m.isError()).forEach(out::add);
        return out;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
