/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemResponses;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The API edge of a refused import: 422 with one error per fault, naming its line and column name. */
@Provider
public class InventoryProblemMapper implements ExceptionMapper<InventoryImportRefusedException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(InventoryImportRefusedException e) {
        var faults = e.faults().stream().map(f -> new Problem.Fault(f.message(), f.field(), f.line(), null, null)).toList();
        return ProblemResponses.of(Problem.of(422, "Unprocessable content", e.getMessage()).withErrors(faults),
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""));
    }
}
