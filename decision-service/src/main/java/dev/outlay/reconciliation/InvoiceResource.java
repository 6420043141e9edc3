/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Invoice summary uploads (multipart part {@code file}, CSV or JSON per docs/invoices.md) and the documents kept. */
@Path("/api/v1/invoices")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]*)\"?");

    @Inject
    InvoiceService service;

    @Inject
    InvoiceStore store;

    @Operation(operationId = "uploadInvoice", summary = "Upload an invoice summary",
            description = "Stores a provider's invoice summary (multipart upload) to reconcile the ledger against; answers 201.")
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"finops_admin", "finance"})
    public Response upload(MultipartFormDataInput form) {
        List<InputPart> files = form.getFormDataMap().get("file");
        if (files == null || files.isEmpty()) {
            throw ProblemException.badRequest("file is required", Problem.Fault.at("file", "an invoice summary part (CSV or JSON)"));
        }
        InputPart file = files.get(0);
        try (InputStream body = file.getBody(InputStream.class, null)) {
            InvoiceDocument doc = service.upload(fileName(file), body.readAllBytes());
            return Response.created(UriBuilder.fromPath("/api/v1/invoices/{id}").build(doc.id())).entity(doc).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(operationId = "listInvoices", summary = "List invoice summaries",
            description = "The uploaded invoice summaries, filtered by `period`.")
    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "leadership", "auditor"})
    public List<InvoiceDocument> list(@QueryParam("period") String period) {
        return store.list(period == null || period.isBlank() ? null : InvoiceService.period("period", period));
    }

    @Operation(operationId = "getInvoice", summary = "Read an invoice summary",
            description = "One invoice summary with its lines.")
    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "finops_admin", "finance", "leadership", "auditor"})
    public InvoiceDocument get(@PathParam("id") String id) {
        try {
            return store.find(UUID.fromString(id)).orElseThrow(() -> ProblemException.notFound("No invoice document " + id + "."));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No invoice document " + id + ".");
        }
    }

    private static String fileName(InputPart part) {
        String cd = part.getHeaders().getFirst("Content-Disposition");
        if (cd != null) {
            Matcher m = FILENAME.matcher(cd);
            if (m.find() && !m.group(1).isBlank()) return m.group(1);
        }
        return "invoice";
    }
}
