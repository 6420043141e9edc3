/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemResponses;
import dev.outlay.connectors.carbon.CarbonExportFormatException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused provider carbon export: 422 with one error per faulty line, naming its line and column; nothing stored. */
@Provider
public class CarbonExportProblemMapper implements ExceptionMapper<CarbonExportFormatException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(CarbonExportFormatException e) {
        var faults = e.faults().stream()
                .map(f -> new Problem.Fault(f.message(), f.column(), f.line() == 0 ? null : (int) f.line(), null, null)).toList();
        return ProblemResponses.of(Problem.of(422, "Unprocessable content", e.getMessage()).withErrors(faults),
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""));
    }
}
