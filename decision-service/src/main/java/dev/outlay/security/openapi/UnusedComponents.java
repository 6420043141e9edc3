/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security.openapi;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops the schemas no served operation reaches. The routes the filter removes (the jobs service's among them)
 * leave schemas behind whose own references point at schemas that were never generated (the jobs service's
 * {@code Recipient} maps {@code sink} to a missing {@code SinkRecipient}); unreachable, they go.
 */
final class UnusedComponents {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";

    private final Components components;
    private final Set<String> reached = new HashSet<>();
    private final Deque<String> pending = new ArrayDeque<>();

    private UnusedComponents(Components components) {
        this.components = components;
    }

    static void prune(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null) return;
        UnusedComponents walk = new UnusedComponents(components);
        if (openAPI.getPaths() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                walk.parameters(item.getParameters());
                for (Operation op : item.getOperations().values()) walk.operation(op);
            }
        }
        if (components.getResponses() != null) components.getResponses().values().forEach(walk::response);
        while (!walk.pending.isEmpty()) {
            Schema schema = components.getSchemas().get(walk.pending.pop());
            if (schema != null) walk.schema(schema);
        }
        for (String name : List.copyOf(components.getSchemas().keySet())) {
            if (!walk.reached.contains(name)) components.removeSchema(name);
        }
    }

    private void operation(Operation op) {
        parameters(op.getParameters());
        if (op.getRequestBody() != null) content(op.getRequestBody().getContent());
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
            op.getResponses().getAPIResponses().values().forEach(this::response);
        }
    }

    private void parameters(List<Parameter> parameters) {
        if (parameters == null) return;
        for (Parameter p : parameters) {
            schema(p.getSchema());
            content(p.getContent());
        }
    }

    private void response(APIResponse response) {
        if (response.getRef() != null && response.getRef().startsWith(RESPONSES)) {
            APIResponse shared = components.getResponses() == null ? null
                    : components.getResponses().get(response.getRef().substring(RESPONSES.length()));
            if (shared != null && shared != response) response(shared);
        }
        content(response.getContent());
        if (response.getHeaders() != null) {
            for (Header h : response.getHeaders().values()) {
                schema(h.getSchema());
                content(h.getContent());
            }
        }
    }

    private void content(Content content) {
        if (content == null || content.getMediaTypes() == null) return;
        for (MediaType type : content.getMediaTypes().values()) schema(type.getSchema());
    }

    private void schema(Schema schema) {
        if (schema == null) return;
        ref(schema.getRef());
        if (schema.getProperties() != null) schema.getProperties().values().forEach(this::schema);
        schema(schema.getItems());
        schema(schema.getNot());
        schema(schema.getAdditionalPropertiesSchema());
        for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) group.forEach(this::schema);
        }
        if (schema.getDiscriminator() != null && schema.getDiscriminator().getMapping() != null) {
            schema.getDiscriminator().getMapping().values().forEach(this::ref);
        }
    }

    private void ref(String ref) {
        if (ref == null) return;
        String name = ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : ref;
        if (reached.add(name)) pending.push(name);
    }
}
