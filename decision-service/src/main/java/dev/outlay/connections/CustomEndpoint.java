/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import dev.outlay.api.problem.Problem;

import java.net.URI;
import java.util.List;

/** The rule for a tenant-chosen API endpoint of a connection: allowed only by the installation, and an http(s) URL. */
final class CustomEndpoint {

    private CustomEndpoint() {
    }

    static List<Problem.Fault> faults(String field, String endpoint, boolean allowed) {
        if (endpoint == null || endpoint.isBlank()) return List.of();
        // A tenant-chosen endpoint makes the service send its requests (and the vendor token) wherever the tenant says (SSRF).
        if (!allowed) return List.of(Problem.Fault.at(field, "custom endpoints are disabled on this installation (outlay.connections.allow-custom-endpoints)"));
        URI u;
        try {
            u = URI.create(endpoint.strip());
        } catch (IllegalArgumentException e) {
            u = null;
        }
        boolean ok = u != null && ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null && u.getUserInfo() == null;
        return ok ? List.of() : List.of(Problem.Fault.at(field, "an http(s) URL without user info"));
    }
}
