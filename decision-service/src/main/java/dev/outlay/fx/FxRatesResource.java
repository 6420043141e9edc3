/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.fx;

import dev.outlay.api.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;

/** The tenant's exchange-rate sets: FinOps administrators upload, everyone who reads costs reads them. */
@Path("/api/v1/fx-rates")
@Produces(MediaType.APPLICATION_JSON)
public class FxRatesResource {

    @Inject
    FxRates rates;

    @Inject
    FxRateStore store;

    @Operation(operationId = "getActiveFxRates", summary = "Read the active exchange-rate set",
            description = "The exchange rates used for conversions now, with the set's content hash.")
    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public FxRateSet active() {
        return store.activeHash().flatMap(store::find)
                .orElseThrow(() -> ProblemException.notFound("This tenant keeps no exchange-rate set."));
    }

    @Operation(operationId = "uploadFxRates", summary = "Upload an exchange-rate set",
            description = "Stores an exchange-rate set, versioned by its content hash: 201 when new, 200 when that set is "
                    + "already stored.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public Response upload(FxRateSetInput in) {
        FxRates.Uploaded u = rates.upload(in);
        URI location = URI.create("/api/v1/fx-rates/versions/" + u.set().versionHash());
        return (u.created() ? Response.created(location) : Response.ok().location(location)).entity(u.set()).build();
    }

    @Operation(operationId = "listFxRateVersions", summary = "List exchange-rate set versions",
            description = "Every exchange-rate set uploaded.")
    @GET
    @Path("versions")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<FxRateSet> versions() {
        return store.list();
    }

    @Operation(operationId = "getFxRateVersion", summary = "Read an exchange-rate set version",
            description = "One exchange-rate set by its content hash.")
    @GET
    @Path("versions/{versionHash}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public FxRateSet version(@PathParam("versionHash") String hash) {
        return store.find(hash).orElseThrow(() -> ProblemException.notFound("No exchange-rate set " + hash + "."));
    }
}
