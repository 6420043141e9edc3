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
import dev.outlay.api.v1.IngestionForm;
import dev.outlay.ingestion.DryRunService;
import dev.outlay.ingestion.Ingestion;
import dev.outlay.ingestion.IngestionRepository;
import dev.outlay.ingestion.IngestionService;
import dev.outlay.ingestion.RetractionService;
import dev.outlay.ledger.SourceHealthService;
import dev.outlay.model.SourceKind;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.plugins.providers.multipart.InputPart;
import org.jboss.resteasy.plugins.providers.multipart.MultipartFormDataInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Ingestion: upload a billing file (a dry-run preview first, or a load), watch it load (bytes sent in the browser,
 * then bytes and rows read from the manifest), the history with each failure's line and column, retract with a
 * reason, and the sources' health. Uploads go through {@link IngestionService} and {@link DryRunService} with the
 * API's form fields ({@link IngestionForm}), so limits, mappings and refusals are the API's.
 */
@Path("/console/ingestions")
public class IngestionsPageResource {

    /** As {@code IngestionsResource}: who reads the manifest, and who loads or retracts. */
    static final Set<String> READERS = Set.of("admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor");
    static final Set<String> LOADERS = Set.of("admin", "finops_admin");
    static final int HISTORY = 50;
    static final List<String> KINDS = Arrays.stream(SourceKind.values()).filter(SourceKind::uploadable).map(SourceKind::id).toList();

    @Inject
    CurrentSession current;

    @Inject
    IngestionService ingestion;

    @Inject
    DryRunService dryRuns;

    @Inject
    IngestionRepository manifest;

    @Inject
    RetractionService retractions;

    @Inject
    SourceHealthService sources;

    @Inject
    dev.outlay.allocation.AllocationStore allocations;

    @Inject
    @Location("console/ingestions.html")
    Template list;

    @Inject
    @Location("console/ingestion.html")
    Template detail;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        return render(s, 200, null, null);
    }

    /** {@code mode}: {@code dry-run} answers the preview page; anything else loads and redirects to the load's page. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(MultipartFormDataInput form) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        IngestionForm parts = IngestionForm.of(form);
        try {
            ConsolePages.requireCsrf(s, parts.text("csrf"));
            ConsolePages.requireAnyRole(s, LOADERS);
            SourceKind kind = parts.kind();
            InputPart file = parts.file();
            String name = IngestionForm.fileName(file);
            try (InputStream body = file.getBody(InputStream.class, null)) {
                if ("dry-run".equals(parts.text("mode"))) {
                    DryRunService.DryRun preview = dryRuns.run(new IngestionService.Request(kind, null, name, parts.mapping()),
                            parts.template(), body, 5);
                    return render(s, 200, preview, null);
                }
                UUID id = ingestion.submit(new IngestionService.Request(kind, null, name, parts.mapping(), parts.replay()), body).id();
                return ConsolePages.seeOther("/console/ingestions/" + id);
            }
        } catch (ProblemException e) {
            return render(s, e.problem().status(), null, e.problem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response one(@PathParam("id") String id) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        return renderOne(s, id, 200, null, null);
    }

    @POST
    @Path("{id}/retract")
    @Produces(MediaType.TEXT_HTML)
    public Response retract(@PathParam("id") String id, @FormParam("csrf") String csrf, @FormParam("reason") String reason) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        try {
            ConsolePages.requireCsrf(s, csrf);
            ConsolePages.requireAnyRole(s, LOADERS);
            retractions.retract(ConsolePages.uuidOr404(id, "ingestion"), reason);
        } catch (ProblemException e) {
            return renderOne(s, id, e.problem().status(), e.problem(), null);
        }
        return renderOne(s, id, 200, null, "Retracted: the file's rows are out of the ledger.");
    }

    private Response render(ConsoleSession s, int status, DryRunService.DryRun preview, Problem problem) {
        boolean allowed = s.roles().stream().anyMatch(READERS::contains);
        List<Ingestion> history = allowed ? manifest.list(null, null, HISTORY) : List.of();
        List<SourceHealthService.SourceHealth> health = allowed ? sources.health() : List.of();
        List<AllocationRunView> allocationRuns = allowed ? allocations.recent(5).stream().map(r -> AllocationRunView.of(r, List.of())).toList() : List.of();
        Problem p = allowed ? problem
                : ProblemException.forbidden("Ingestion needs one of the roles " + String.join(", ", new java.util.TreeSet<>(READERS)) + ".").problem();
        return ConsolePages.html(allowed ? status : 403, list.data("session", s).data("canLoad", allowed && s.roles().stream().anyMatch(LOADERS::contains))
                .data("kinds", KINDS).data("history", history).data("health", health).data("allocationRuns", allocationRuns).data("preview", preview).data("problem", p).render());
    }

    private Response renderOne(ConsoleSession s, String id, int status, Problem refusal, String notice) {
        try {
            ConsolePages.requireAnyRole(s, READERS);
            Ingestion i = manifest.find(ConsolePages.uuidOr404(id, "ingestion")).orElseThrow(() -> ProblemException.notFound("No ingestion " + id + "."));
            boolean canRetract = s.roles().stream().anyMatch(LOADERS::contains) && "succeeded".equals(i.status());
            return ConsolePages.html(status, detail.data("session", s).data("i", i).data("canRetract", canRetract)
                    .data("refusal", refusal).data("notice", notice).data("problem", null).render());
        } catch (ProblemException e) {
            return ConsolePages.html(e.problem().status(), detail.data("session", s).data("i", null).data("canRetract", false)
                    .data("refusal", null).data("notice", null).data("problem", e.problem()).render());
        }
    }
}
