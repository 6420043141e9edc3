package dev.outlay.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.tenancy.TenantContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.function.Predicate;

/**
 * Kogito's generated process and user-task routes know nothing about tenants. They stay available to the
 * {@code admin} role (operations, support) but scoped like everything else: an instance or task id of another tenant
 * answers 404, lists show only the caller's tenant, and processes can only be started through /api/v1 (which binds
 * the tenant and the business record). Everybody else works through /api/v1/spend-requests and /api/v1/inbox, which
 * also enforce four-eyes. Runs after {@code TenantFilter} bound the caller.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 20)
public class KogitoRouteGuard implements ContainerRequestFilter, ContainerResponseFilter {

    static final String USER_TASKS = "usertasks";
    static final List<String> PROCESSES = List.of("spendApproval", "policyViolationTriage");
    static final List<String> RAW_PREFIXES = List.of(USER_TASKS, PROCESSES.get(0), PROCESSES.get(1));

    @Inject
    ProcessOwnership ownership;

    @Inject
    ObjectMapper json;

    @Override
    public void filter(ContainerRequestContext request) {
        String[] seg = segments(request);
        if (seg.length == 0 || !RAW_PREFIXES.contains(seg[0])) return;
        if (TenantContext.caller().map(c -> !c.hasRole("admin")).orElse(true)) {
            throw ProblemException.forbidden("Kogito's process and task routes are for admins; use /api/v1/inbox.");
        }
        if (seg[0].equals(USER_TASKS)) {
            if (seg.length >= 3 && !ownership.taskInTenant(seg[2])) throw ProblemException.notFound("No task " + seg[2] + ".");
            return;
        }
        if (seg.length == 1 && "POST".equals(request.getMethod())) {
            throw ProblemException.forbidden("Processes start from /api/v1/spend-requests and /api/v1/violations, which bind the tenant.");
        }
        boolean schema = seg.length == 3 && "schema".equals(seg[2]) || seg.length == 2 && "schema".equals(seg[1]);
        if (seg.length >= 2 && !schema && !ownership.processInTenant(seg[1])) {
            throw ProblemException.notFound("No process instance " + seg[1] + ".");
        }
    }

    /** The list routes: drop what belongs to other tenants. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String[] seg = segments(request);
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()) return;
        if (seg.length == 2 && seg[0].equals(USER_TASKS) && seg[1].equals("instance")) {
            response.setEntity(keep(response.getEntity(), n -> ownership.processInTenant(n.path("metadata").path("ProcessInstanceId").asText(null))));
        } else if (seg.length == 1 && PROCESSES.contains(seg[0])) {
            response.setEntity(keep(response.getEntity(), n -> ownership.processInTenant(n.path("id").asText(null))));
        }
    }

    private Object keep(Object entity, Predicate<JsonNode> inTenant) {
        JsonNode all = json.valueToTree(entity);
        if (!all.isArray()) return entity;
        ArrayNode kept = json.createArrayNode();
        all.forEach(n -> {
            if (inTenant.test(n)) kept.add(n);
        });
        return kept;
    }

    private static String[] segments(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceFirst("^/+", "").replaceFirst("/+$", "");
        return path.isEmpty() ? new String[0] : path.split("/");
    }
}
