package dev.outlay.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
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

    @Provider
    public static class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonProcessingException e) {
            String field = null;
            if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                field = m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."));
            }
            Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
            Integer column = e.getLocation() == null ? null : e.getLocation().getColumnNr();
            Problem p = Problem.of(400, "Malformed JSON", e.getOriginalMessage())
                    .withErrors(List.of(new Problem.Fault(e.getOriginalMessage(), field, line, column, null)));
            return ProblemResponses.of(p, path(uri));
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
