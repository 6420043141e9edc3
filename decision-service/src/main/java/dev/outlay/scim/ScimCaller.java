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
