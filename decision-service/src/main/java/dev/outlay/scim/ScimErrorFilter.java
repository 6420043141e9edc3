/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import dev.outlay.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * RFC 7644 §3.12 wants SCIM errors from SCIM routes, whatever refused the request: the shared filters and mappers
 * answer problem+json (an unknown route, a body that is not JSON, 405, 415, a suspended tenant), so on /scim/ paths
 * this turns each problem into the SCIM error with the same status and detail.
 */
@Provider
@Priority(Priorities.USER)
public class ScimErrorFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path == null || !(path.startsWith("/scim/") || path.startsWith("scim/"))) return;
        if (response.getEntity() instanceof Problem p) {
            response.setEntity(ScimError.of(p.status(), scimType(p.status()), p.detail()), null, MediaType.valueOf(ScimMedia.TYPE));
            if (p.status() == 401) response.getHeaders().putSingle("WWW-Authenticate", "Bearer realm=\"scim\"");
        } else if (response.getEntity() != null && !(response.getEntity() instanceof ScimError)
                && response.getMediaType() != null && response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            response.getHeaders().putSingle("Content-Type", ScimMedia.TYPE);
        }
    }

    private static String scimType(int status) {
        return status == 400 ? "invalidSyntax" : null;
    }
}
