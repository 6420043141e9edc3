/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.budgets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/budgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BudgetResource {


    @Inject
    BudgetService budgets;

    @Inject
    BudgetRepository repository;

    @Operation(operationId = "listBudgets", summary = "List budgets",
            description = "The tenant's budgets.")
    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "approver", "auditor"})
    public List<Budget> list() {
        return repository.list();
    }

    @Operation(operationId = "getBudget", summary = "Read a budget",
            description = "One budget: scope, amount with currency and period.")
    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "approver", "auditor"})
    public Budget get(@PathParam("id") UUID id) {
        return budgets.get(id);
    }

    @Operation(operationId = "getBudgetStatus", summary = "Show a budget's burn and forecast",
            description = "Spend to date against the budget and the forecast to the end of its period.")
    @GET
    @Path("{id}/status")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "approver", "auditor"})
    public BudgetForecast.Status status(@PathParam("id") UUID id) {
        return budgets.status(budgets.get(id));
    }

    @Operation(operationId = "createBudget", summary = "Create a budget",
            description = "Creates a budget; answers 201 with it and its Location.")
    @POST
    @RolesAllowed({"admin", "finops_admin", "finance"})
    public Response create(BudgetInput in) {
        Budget b = budgets.create(in);
        return Response.status(201).header("Location", "/api/v1/budgets/" + b.id()).entity(b).build();
    }

    @Operation(operationId = "updateBudget", summary = "Change a budget",
            description = "Replaces the budget's scope, amount and period.")
    @PUT
    @Path("{id}")
    @RolesAllowed({"admin", "finops_admin", "finance"})
    public Budget update(@PathParam("id") UUID id, BudgetInput in) {
        return budgets.update(id, in);
    }

    @Operation(operationId = "deleteBudget", summary = "Delete a budget",
            description = "Removes the budget; answers 204.")
    @DELETE
    @Path("{id}")
    @RolesAllowed({"admin", "finops_admin", "finance"})
    public Response delete(@PathParam("id") UUID id) {
        budgets.delete(id);
        return Response.noContent().build();
    }
}
