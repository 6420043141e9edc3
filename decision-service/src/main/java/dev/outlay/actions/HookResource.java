/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Public endpoints other systems call back (outside /api/v1: they carry no Outlay token). Each is classified in
 * {@code security/RouteTable} as a signed hook; the tenant comes from the connection whose secret verifies the
 * signature, never from the body. The body is read as the raw string the signature covers.
 */
@Path("/hooks")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class HookResource {

    @Inject
    JiraSync jira;

    @Inject
    SlackInteractions slack;

    @Operation(operationId = "receiveJiraWebhook", summary = "Receive a Jira webhook",
            description = "Jira Cloud calls back here when an issue Outlay opened changes. The body is verified against "
                    + "`X-Hub-Signature` with the connection's inbound secret and runs as the connection's tenant; a "
                    + "repeated `X-Atlassian-Webhook-Identifier` is answered without acting again.")
    @POST
    @Path("jira/{tenant}/{integration}")
    @Consumes(MediaType.WILDCARD)
    public HookOutcome jira(@PathParam("tenant") String tenant, @PathParam("integration") String integration,
                            @HeaderParam(JiraSync.SIGNATURE) String signature, @HeaderParam(JiraSync.IDENTIFIER) String identifier, String body) {
        return jira.receive(tenant, integration, signature, identifier, body);
    }

    @Operation(operationId = "receiveSlackInteraction", summary = "Receive a Slack interaction",
            description = "Slack's interactivity request (an approval button) for the connection named in the path. Verified "
                    + "with `X-Slack-Signature` and `X-Slack-Request-Timestamp`; the decision is taken as the Outlay user "
                    + "the connection maps the Slack user to, with the inbox's four-eyes rules.")
    @POST
    @Path("slack/{tenant}/{integration}")
    @Consumes(MediaType.WILDCARD)
    public HookOutcome slack(@PathParam("tenant") String tenant, @PathParam("integration") String integration,
                             @HeaderParam(SlackSignature.TIMESTAMP) String timestamp, @HeaderParam(SlackSignature.HEADER) String signature, String body) {
        return slack.receive(tenant, integration, timestamp, signature, body);
    }
}
