package dev.outlay.tenancy;

/**
 * Verifies the SCIM bearer secret of a {@code /scim/v2} request and names the tenant it belongs to. Implemented by
 * the SCIM module; {@link TenantFilter} binds the caller it returns (a SCIM client is never a JWT holder).
 */
public interface ScimCredentials {

    /** The SCIM client's caller (tenant, {@code scim:<key id>}, role {@code scim}); throws a 401 when the secret does not verify. */
    Caller authenticate(String authorization, String method, String path);
}
