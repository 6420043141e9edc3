/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;

/** The SCIM resources run only for a caller TenantFilter authenticated by a SCIM secret; anything else is refused. */
final class ScimCaller {

    private ScimCaller() {
    }

    static Caller require() {
        Caller c = TenantContext.caller().orElse(null);
        if (c == null || !c.hasRole("scim") || !c.subject().startsWith("scim:")) {
            throw ScimException.unauthorized("SCIM needs the tenant's SCIM secret.");
        }
        return c;
    }
}
