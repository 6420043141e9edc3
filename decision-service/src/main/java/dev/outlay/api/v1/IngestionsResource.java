/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api.v1;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.ingestion.DryRunService;
import dev.outlay.ingestion.Ingestion;
import dev.outlay.ingestion.IngestionRepository;
import dev.outlay.ingestion.IngestionService;
import dev.outlay.ingestion.RetractionService;
import dev.outlay.model.SourceKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.plugins.providers.multipart.InputPart;
import org.jboss.resteasy.plugins.providers.multipart.MultipartFormDataInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** Billing file uploads (multipart: source, file, optional mapping, connection and replay) and the ingestion manifest. */
@Path("/api/v1/ingestions")
@Produces(MediaType.APPLICATION_JSON)
public class IngestionsResource {

    @Inject
    IngestionService service;

    @Inject
    IngestionRepository manifest;

    @Inject
    RetractionService retractions;

    @Inject
    DryRunService dryRuns;

    @Operation(operationId = "uploadBillingFile", summary = "Upload a billing file",
            description = "Uploads a billing file (CSV or CSV.gz, multipart field `file`) of the given source and starts "
                    + "loading it; answers 202 with the ingestion to follow. Bad rows are reported with line and column and "
                    + "change nothing.")
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"admin", "finops_admin"})
    public Response upload(MultipartFormDataInput form) {
        IngestionForm parts = IngestionForm.of(form);
        SourceKind kind = parts.kind();
        InputPart file = parts.file();
        String name = IngestionForm.fileName(file);
        try (InputStream body = file.getBody(InputStream.class, null)) {
            var req = new IngestionService.Request(kind, parts.text("connection"), name, parts.mapping(), parts.replay());
            UUID id = service.submit(req, body).id();
            Ingestion accepted = manifest.find(id).orElseThrow();
            return Response.accepted(accepted).location(UriBuilder.fromPath("/api/v1/ingestions/{id}").build(id)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the file as {@link #upload} would and answers what a load would do, writing nothing: rows and totals
     * per billing period, flagged rows, the first canonical rows ({@code sample}, default 10), the ledger rows it
     * would replace and whether it would be a duplicate. A format fault answers 422 with its line and column.
     */
    @Operation(operationId = "dryRunBillingFile", summary = "Preview what loading a billing file would do",
            description = "Reads the file as an upload would and answers what a load would do, writing nothing: rows and totals "
                    + "per billing period, flagged rows, a sample of canonical rows and what it would replace.")
    @POST
    @Path("dry-run")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"admin", "finops_admin"})
    public DryRunService.DryRun dryRun(MultipartFormDataInput form) {
        IngestionForm parts = IngestionForm.of(form);
        SourceKind kind = parts.kind();
        InputPart file = parts.file();
        int sample = 10;
        String sampleText = parts.text("sample");
        if (sampleText != null) {
            try {
                sample = Integer.parseInt(sampleText.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("sample must be a number", Problem.Fault.at("sample", "0 to " + DryRunService.MAX_SAMPLE));
            }
        }
        try (InputStream body = file.getBody(InputStream.class, null)) {
            return dryRuns.run(new IngestionService.Request(kind, parts.text("connection"), IngestionForm.fileName(file), parts.mapping()),
                    parts.template(), body, sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(operationId = "getIngestion", summary = "Read an ingestion",
            description = "Status, progress, totals and errors (with line and column) of one loaded or loading file.")
    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Ingestion get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("ingestion " + id);
        }
        return manifest.find(uuid).orElseThrow(() -> ProblemException.notFound("ingestion " + id));
    }

    @Operation(operationId = "listIngestions", summary = "List ingestions",
            description = "The tenant's loads filtered by `status` and `source` (at most `limit`, default 100).")
    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<Ingestion> list(@QueryParam("status") String status, @QueryParam("source") String source,
                                @QueryParam("limit") @DefaultValue("100") int limit) {
        if (status != null && !Ingestion.STATUSES.contains(status)) {
            throw ProblemException.badRequest("unknown status '" + status + "'", Problem.Fault.at("status", String.join(", ", Ingestion.STATUSES)));
        }
        return manifest.list(status, source == null || source.isBlank() ? null : source, Math.max(1, Math.min(limit, 1000)));
    }

    public record RetractRequest(String reason) {
    }

    /** Takes a loaded file's rows out of the ledger (the wrong file, the wrong source); the reason is recorded. */
    @Operation(operationId = "retractIngestion", summary = "Retract a loaded file",
            description = "Takes a loaded file's rows out of the ledger (the wrong file, the wrong source); the reason is "
                    + "recorded.")
    @POST
    @Path("{id}/retract")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public Ingestion retract(@PathParam("id") String id, RetractRequest body) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("ingestion " + id);
        }
        return retractions.retract(uuid, body == null ? null : body.reason());
    }
}
