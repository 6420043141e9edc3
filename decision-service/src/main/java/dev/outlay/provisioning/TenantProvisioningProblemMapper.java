package dev.outlay.provisioning;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemResponses;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/** The operator API's refusals as problem+json, naming the field when there is one. */
@Provider
public class TenantProvisioningProblemMapper implements ExceptionMapper<TenantProvisioningRefusedException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(TenantProvisioningRefusedException e) {
        String title = switch (e.status()) {
            case 404 -> "Not found";
            case 409 -> "Conflict";
            default -> "Unprocessable content";
        };
        Problem p = Problem.of(e.status(), title, e.getMessage());
        if (e.field() != null) p = p.withErrors(List.of(Problem.Fault.at(e.field(), e.getMessage())));
        return ProblemResponses.of(p, uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""));
    }
}
