/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.security.RouteClass;
import dev.outlay.security.RoutePath;
import dev.outlay.security.RouteTable;
import dev.outlay.tenancy.TenantContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.function.Predicate;

/**
 * Kogito's generated process and user-task routes know nothing about tenants or four-eyes. They stay available to the
 * {@code admin} role (operations, support) for reading only, scoped like everything else: an instance or task id of
 * another tenant answers 404 and lists show only the caller's tenant. Every change (start, abort, signal, task
 * transition, outputs, comments, attachments) goes through /api/v1, which binds the tenant and the business record
 * and enforces four-eyes with the authenticated subject as decider; Kogito's routes would record whoever
 * {@code ?user=} names. Pre-matching, after {@code TenantFilter} bound the caller, judging the same normalized
 * {@link RoutePath}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHORIZATION + 20)
public class KogitoRouteGuard implements ContainerRequestFilter, ContainerResponseFilter {

    static final String USER_TASKS = "usertasks";
    static final List<String> PROCESSES = List.of("spendApproval", "policyViolationTriage", "monthEndClose");

    @Inject
    ProcessOwnership ownership;

    @Inject
    ObjectMapper json;

    @Override
    public void filter(ContainerRequestContext request) {
        RoutePath path = path(request);
        if (RouteTable.classify(path) != RouteClass.RAW_KOGITO) return;
        String[] seg = path.segments().toArray(String[]::new);
        if (TenantContext.caller().map(c -> !c.hasRole("admin")).orElse(true)) {
            throw ProblemException.forbidden("Kogito's process and task routes are for admins; use /api/v1/inbox.");
        }
        if (!RouteTable.readOnly(request.getMethod())) {
            throw ProblemException.forbidden("Kogito's process and task routes are read-only: start processes from "
                    + "/api/v1/spend-requests or /api/v1/violations and act on tasks through /api/v1/inbox.");
        }
        if (seg[0].equals(USER_TASKS)) {
            if (seg.length >= 3 && !ownership.taskInTenant(seg[2])) throw ProblemException.notFound("No task " + seg[2] + ".");
            return;
        }
        boolean schema = seg.length == 3 && "schema".equals(seg[2]) || seg.length == 2 && "schema".equals(seg[1]);
        if (seg.length >= 2 && !schema && !ownership.processInTenant(seg[1])) {
            throw ProblemException.notFound("No process instance " + seg[1] + ".");
        }
    }

    /** The list routes: drop what belongs to other tenants. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String[] seg = path(request).segments().toArray(String[]::new);
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

    /** The path TenantFilter judged; UriInfo's path would still carry matrix parameters. */
    private static RoutePath path(ContainerRequestContext request) {
        Object judged = request.getProperty(RoutePath.class.getName());
        return judged instanceof RoutePath p ? p : RoutePath.of("/" + request.getUriInfo().getPath(false).replaceFirst("^/+", ""));
    }
}
