/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

/** Who a route is served to; see docs/security/rbac-matrix.md. Anything not classified is REFUSED. */
public enum RouteClass {
    /** Health, the API document, Swagger UI (demo and dev only) and metrics: no token, read-only. */
    PUBLIC,
    /** /api/v1: a verified token naming a tenant, then the route's roles. */
    TENANT_API,
    /** Kogito's generated process and task routes: admins, read-only, the caller's tenant only. */
    RAW_KOGITO,
    /** The embedded jobs service and its timer callback: only the service itself, with the per-start secret. */
    INTERNAL,
    /** Callbacks from connected systems (/hooks/{system}/{tenant}/{connection}, POST): no token; the handler verifies the connection's signature. */
    SIGNED_HOOK,
    /** The web console ({@code /} and {@code /console/...}): a signed console session cookie, CSRF token on every POST. */
    CONSOLE,
    /**
     * SCIM 2.0 provisioning ({@code /scim/v2/...}, RFC 7644): the tenant's SCIM bearer secret, never a JWT; errors
     * are SCIM error bodies, not problem+json.
     */
    SCIM,
    /**
     * The platform operator's API ({@code /operator/v1/...}): a verified token carrying the {@code outlay_operator}
     * role and no tenant claim (docs/security/operator-identity.md).
     */
    OPERATOR,
    /** Everything else, including the jobs service's /management/shutdown: nobody. */
    REFUSED
}
