/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.contracts;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The tenant's contract price table: finance and FinOps administrators put prices (JSON or CSV), everyone who reads
 * costs reads them, since they explain the SaaS charges priced from them.
 */
@Path("/api/v1/contract-prices")
@Produces(MediaType.APPLICATION_JSON)
public class ContractPriceResource {

    @Inject
    ContractPrices prices;

    @Operation(operationId = "listContractPrices", summary = "List contract prices in force",
            description = "The current version of every vendor SKU price in the tenant's contract price table.")
    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<ContractPrice> current() {
        return prices.current();
    }

    @Operation(operationId = "listContractPriceHistory", summary = "List every contract price version",
            description = "Every stored version of every contract price, oldest first per SKU.")
    @GET
    @Path("history")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<ContractPrice> history() {
        return prices.history();
    }

    @Operation(operationId = "putContractPrices", summary = "Put contract prices",
            description = "Stores a list of prices (JSON or CSV with the same columns) whole or not at all; a changed price becomes a new version, an unchanged one stores nothing; audited.")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin", "finance"})
    public ContractPrices.PutResult put(List<ContractPriceInput> in) {
        return prices.put(in);
    }

    @Operation(operationId = "putContractPrices", summary = "Put contract prices",
            description = "Stores a list of prices (JSON or CSV with the same columns) whole or not at all; a changed price becomes a new version, an unchanged one stores nothing; audited.")
    @PUT
    @Consumes("text/csv")
    @RolesAllowed({"admin", "finops_admin", "finance"})
    public ContractPrices.PutResult putCsv(byte[] csv) {
        return prices.putCsv(dev.outlay.api.Utf8Body.decode(csv));
    }
}
