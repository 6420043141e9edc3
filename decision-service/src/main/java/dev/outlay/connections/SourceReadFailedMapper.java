/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemResponses;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/** A failed Cloud+ poll as a problem: 422 for what the tenant can fix (key, account, path), 502 for the vendor's fault. */
@Provider
public class SourceReadFailedMapper implements ExceptionMapper<SourceReadFailedException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(SourceReadFailedException e) {
        String detail = e.getMessage() + (e.ingestion() == null ? "; nothing was loaded" : "; nothing was loaded (failed ingestion " + e.ingestion() + ")");
        Problem p = switch (e.kind()) {
            case CREDENTIALS_REJECTED -> Problem.of(422, "Credentials rejected", detail)
                    .withErrors(List.of(Problem.Fault.at("credentials.secret", "rejected by the vendor at " + e.where())));
            case NOT_FOUND -> Problem.of(422, "Not found at the vendor", detail)
                    .withErrors(List.of(Problem.Fault.at("config", "the vendor has nothing at " + e.where())));
            default -> Problem.of(502, "Vendor API failed", detail)
                    .withErrors(List.of(Problem.Fault.at(null, e.kind().name().toLowerCase().replace('_', ' ') + " at " + e.where())));
        };
        return ProblemResponses.of(p, uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""));
    }
}
