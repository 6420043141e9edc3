/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security.openapi;

import dev.outlay.api.problem.Problem;
import dev.outlay.security.RouteClass;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;

/**
 * The {@code application/problem+json} answers (RFC 9457, {@link Problem}) each route class can give, declared once
 * as components and referenced from every operation that does not declare that status itself.
 */
final class ProblemResponses {

    static final String SCHEMA = "Problem";
    static final String FAULT_SCHEMA = "ProblemFault";
    private static final String RESPONSES = "#/components/responses/";

    private record Answer(String status, String component, String description) {
    }

    private static final Answer BAD_REQUEST = new Answer("400", "BadRequest",
            "The path is not in canonical form, or a parameter or the body cannot be read.");
    private static final Answer UNAUTHORIZED = new Answer("401", "Unauthorized",
            "No credentials, or credentials that do not verify (an expired or foreign token, a wrong signature).");
    private static final Answer FORBIDDEN = new Answer("403", "Forbidden",
            "The token's roles do not allow this action (docs/security/rbac-matrix.md).");
    private static final Answer NOT_FOUND = new Answer("404", "NotFound",
            "Nothing of that id in the caller's tenant; another tenant's ids answer 404 as well.");
    private static final Answer UNPROCESSABLE = new Answer("422", "UnprocessableContent",
            "The body is well-formed but invalid; `errors` names each field, or line and column.");
    private static final List<Answer> ALL = List.of(BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, UNPROCESSABLE);

    private ProblemResponses() {
    }

    static void declare(Components components) {
        components.addSchema(FAULT_SCHEMA, OASFactory.createSchema().type(SchemaType.OBJECT)
                .description("Where one fault is: a field, or a line and column of an uploaded file, or an element of a model.")
                .addProperty("message", string("What is wrong."))
                .addProperty("field", string("The field, as a JSON path or a column name."))
                .addProperty("line", integer("1-based line of an uploaded file."))
                .addProperty("column", integer("1-based column of an uploaded file."))
                .addProperty("element", string("The model element (DMN id or rule name).")));
        components.addSchema(SCHEMA, OASFactory.createSchema().type(SchemaType.OBJECT)
                .description("RFC 9457 problem detail, served as " + Problem.MEDIA_TYPE + ".")
                .addRequired("status").addRequired("title")
                .addProperty("type", string("A URI naming the kind of problem; `about:blank` when the status says it all."))
                .addProperty("title", string("Short summary of the problem kind."))
                .addProperty("status", integer("The HTTP status code."))
                .addProperty("detail", string("What went wrong with this request."))
                .addProperty("instance", string("The request path."))
                .addProperty("requestId", string("The request's id, as in the X-Request-Id header and the logs."))
                .addProperty("errors", OASFactory.createSchema().type(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(FAULT_SCHEMA))));
        for (Answer answer : ALL) {
            components.addResponse(answer.component(), OASFactory.createAPIResponse()
                    .description(answer.description())
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)))));
        }
    }

    static void add(Operation op, RouteClass route, String template) {
        APIResponses responses = ServedApiFilter.responses(op);
        put(responses, BAD_REQUEST);
        put(responses, UNAUTHORIZED);
        if (route != RouteClass.SIGNED_HOOK) put(responses, FORBIDDEN);
        if (template.contains("{")) put(responses, NOT_FOUND);
        if (route == RouteClass.TENANT_API && op.getRequestBody() != null) put(responses, UNPROCESSABLE);
    }

    private static void put(APIResponses responses, Answer answer) {
        if (responses.hasAPIResponse(answer.status())) return;
        responses.addAPIResponse(answer.status(), OASFactory.createAPIResponse().ref(RESPONSES + answer.component()));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(SchemaType.STRING).description(description);
    }

    private static Schema integer(String description) {
        return OASFactory.createSchema().type(SchemaType.INTEGER).format("int32").description(description);
    }
}
