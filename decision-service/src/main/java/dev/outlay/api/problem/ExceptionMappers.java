/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.stream.Collectors;

/** Every error leaves as application/problem+json; unexpected ones are logged, never echoed. */
public final class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    private ExceptionMappers() {
    }

    static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    @Provider
    public static class ProblemMapper implements ExceptionMapper<ProblemException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProblemException e) {
            return ProblemResponses.of(e.problem(), path(uri));
        }
    }

    @Provider
    public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Context
        jakarta.ws.rs.core.HttpHeaders headers;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type == null ? "HTTP " + status : type.getReasonPhrase();
            String detail = status >= 500 ? "The server could not complete the request." : e.getMessage();
            if (status == 415) {
                // RESTEasy's own text names an internal code; say what was sent instead (the route's OpenAPI entry lists what it accepts).
                String sent = headers == null ? null : headers.getHeaderString("Content-Type");
                detail = "This route does not accept a body of type " + (sent == null ? "(none)" : sent) + "; see the API document (/q/openapi) for the types it accepts.";
            }
            if (status >= 500) LOG.error("request failed", e);
            return ProblemResponses.of(Problem.of(status, title, detail), path(uri));
        }
    }

    @Provider
    public static class UnauthorizedMapper implements ExceptionMapper<UnauthorizedException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(UnauthorizedException e) {
            return ProblemResponses.of(Problem.of(401, "Unauthorized", "A valid bearer token is required."), path(uri));
        }
    }

    @Provider
    public static class AuthenticationFailedMapper implements ExceptionMapper<AuthenticationFailedException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(AuthenticationFailedException e) {
            return ProblemResponses.of(Problem.of(401, "Unauthorized",
                    "The bearer token was rejected (bad signature, wrong issuer or audience, expired or not yet valid)."), path(uri));
        }
    }

    @Provider
    public static class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ForbiddenException e) {
            return ProblemResponses.of(Problem.of(403, "Forbidden",
                    "Your roles do not allow this action."), path(uri));
        }
    }

    /**
     * A body that is not JSON, or not the JSON a route expects. RESTEasy's Jackson provider ships its own mapper for
     * {@link JsonProcessingException} that answers the plain text "Not able to deserialize data provided." under a
     * JSON content type and logs a stack trace at ERROR; mappers of the two concrete subtypes below are nearer to the
     * thrown type, so RESTEasy picks them. A client fault is logged at INFO, without a stack trace.
     */
    static Response malformed(JsonProcessingException e, UriInfo uri) {
        String field = null;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
        Integer column = e.getLocation() == null ? null : e.getLocation().getColumnNr();
        String message = e.getOriginalMessage();
        LOG.infof("malformed JSON body on %s at line %s, column %s: %s", path(uri), line, column, message);
        Problem p = Problem.of(400, "Malformed JSON", "The request body is not valid JSON for this route: " + message)
                .withErrors(List.of(new Problem.Fault(message, field, line, column, null)));
        return ProblemResponses.of(p, path(uri));
    }

    @Provider
    @Priority(JobsServiceMapperOverrides.PRIORITY)
    public static class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonProcessingException e) {
            return malformed(e, uri);
        }
    }

    /** Syntax faults (a missing brace, a stray comma): JsonParseException and its kin. */
    @Provider
    @Priority(JobsServiceMapperOverrides.PRIORITY)
    public static class JsonSyntaxMapper implements ExceptionMapper<StreamReadException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(StreamReadException e) {
            return malformed(e, uri);
        }
    }

    /** Well-formed JSON of the wrong shape (a string where a number goes, an unknown enum value). */
    @Provider
    @Priority(JobsServiceMapperOverrides.PRIORITY)
    public static class JsonShapeMapper implements ExceptionMapper<DatabindException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(DatabindException e) {
            return malformed(e, uri);
        }
    }

    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            LOG.error("unexpected error", e);
            return ProblemResponses.of(Problem.of(500, "Internal server error",
                    "The server could not complete the request; quote the request id when reporting it."), path(uri));
        }
    }
}
