/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused SCIM request answers a SCIM error body as application/scim+json (never problem+json). */
@Provider
public class ScimErrorMapper implements ExceptionMapper<ScimException> {

    @Override
    public Response toResponse(ScimException e) {
        return response(e.status(), e.scimType(), e.getMessage());
    }

    static Response response(int status, String scimType, String detail) {
        Response.ResponseBuilder b = Response.status(status).type(ScimMedia.TYPE).entity(ScimError.of(status, scimType, detail));
        if (status == 401) b.header("WWW-Authenticate", "Bearer realm=\"scim\"");
        return b.build();
    }
}
