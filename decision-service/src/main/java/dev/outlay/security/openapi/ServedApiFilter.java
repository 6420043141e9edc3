/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security.openapi;

import dev.outlay.security.RouteClass;
import dev.outlay.security.RoutePath;
import dev.outlay.security.RouteTable;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes the API document say what the router serves, from the same {@link RouteTable} that enforces access
 * ({@code mp.openapi.filter}, applied when Quarkus builds the document). Paths the table refuses, reserves for the
 * service itself or gives to the console leave the document; raw Kogito routes keep their read-only methods only.
 * Every remaining operation gets its route class's security requirement and the problem responses it can answer,
 * and schemas nothing reaches any more are dropped, so no reference dangles.
 */
public class ServedApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        ProblemResponses.declare(components);
        SecuritySchemes.declare(components);
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            // Relative: the document is read from the service it describes, so Swagger UI calls that same origin.
            openAPI.addServer(OASFactory.createServer().url("/").description("This Outlay service"));
        }
        if (openAPI.getPaths() != null) {
            for (Map.Entry<String, PathItem> entry : List.copyOf(openAPI.getPaths().getPathItems().entrySet())) {
                if (!keep(entry.getKey(), entry.getValue())) openAPI.getPaths().removePathItem(entry.getKey());
            }
        }
        RawKogitoOperations.describe(openAPI);
        UnusedComponents.prune(openAPI);
        ApiTags.declare(openAPI);
    }

    /** Fills in one path's operations; false when nothing of it is served through the API. */
    private static boolean keep(String template, PathItem item) {
        RouteClass route = classify(template);
        switch (route) {
            case TENANT_API, SIGNED_HOOK, RAW_KOGITO -> {
            }
            default -> {
                // REFUSED and INTERNAL routes answer 404 to every caller; the console is HTML for browsers, not an API.
                // SCIM describes itself (/scim/v2/ServiceProviderConfig, Schemas, ResourceTypes; RFC 7644 §4) and answers
                // SCIM errors, not problem+json; the operator API is the installation's, not a tenant's (docs/scim.md,
                // docs/tenant-provisioning.md).
                return false;
            }
        }
        for (Map.Entry<HttpMethod, Operation> op : new ArrayList<>(item.getOperations().entrySet())) {
            boolean served = switch (route) {
                case RAW_KOGITO -> RouteTable.readOnly(op.getKey().name());
                case SIGNED_HOOK -> op.getKey() == HttpMethod.POST;
                default -> true;
            };
            if (!served) {
                item.setOperation(op.getKey(), null);
                continue;
            }
            secure(op.getValue(), route, template);
            ProblemResponses.add(op.getValue(), route, template);
        }
        return !item.getOperations().isEmpty();
    }

    /** The table judges concrete paths: a template's {@code {name}} segments stand for one segment each. */
    static RouteClass classify(String template) {
        return RouteTable.classify(RoutePath.of(template.replaceAll("\\{[^}/]*}", "p")));
    }

    private static void secure(Operation op, RouteClass route, String template) {
        SecurityRequirement requirement = OASFactory.createSecurityRequirement();
        if (route == RouteClass.SIGNED_HOOK) {
            requirement.addScheme(SecuritySchemes.hookScheme(template));
        } else {
            requirement.addScheme(SecuritySchemes.BEARER);
        }
        op.setSecurity(new ArrayList<>(List.of(requirement)));
    }

    static APIResponses responses(Operation op) {
        if (op.getResponses() == null) op.setResponses(OASFactory.createAPIResponses());
        return op.getResponses();
    }
}
