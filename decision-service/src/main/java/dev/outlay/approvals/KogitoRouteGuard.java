package dev.outlay.approvals;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.tenancy.TenantContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/**
 * Kogito's generated process and user-task routes know nothing about tenants: a task id from another tenant would
 * be found and could be acted on. They are therefore reserved to the {@code admin} role (operations, support);
 * everybody else works through /api/v1/spend-requests and /api/v1/inbox, which scope every task to the caller's
 * tenant and enforce four-eyes. Runs after {@code TenantFilter} bound the caller.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 20)
public class KogitoRouteGuard implements ContainerRequestFilter {

    static final List<String> RAW_PREFIXES = List.of("usertasks", "spendApproval", "policyViolationTriage");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String first = path.replaceFirst("^/+", "").split("/", 2)[0];
        if (RAW_PREFIXES.contains(first)
                && TenantContext.caller().map(c -> !c.hasRole("admin")).orElse(true)) {
            throw ProblemException.forbidden("Kogito's process and task routes are for admins; use /api/v1/inbox.");
        }
    }
}
