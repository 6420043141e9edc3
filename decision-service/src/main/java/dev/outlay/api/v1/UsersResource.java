/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api.v1;

import dev.outlay.tenancy.AppUserRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    public record UserView(String subject, List<String> roles, Instant firstSeen, Instant lastSeen) {
    }

    @Inject
    AppUserRepository users;

    @Operation(operationId = "listUsers", summary = "List the tenant's people",
            description = "The people Outlay knows in the tenant; personal data, so administrators and auditors only.")
    @GET
    @RolesAllowed({"admin", "finops_admin", "auditor"})
    @Transactional
    public List<UserView> list() {
        return users.listForCurrentTenant().stream()
                .map(u -> new UserView(u.subject, u.roles == null || u.roles.isEmpty() ? List.of() : Arrays.asList(u.roles.split(",")),
                        u.firstSeen, u.lastSeen))
                .toList();
    }
}
