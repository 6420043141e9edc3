package dev.outlay.sso;

import java.util.List;
import java.util.SortedMap;

/**
 * A tenant's registration with the client secret opened, for the sign-in flow only (never serialised: no getter
 * reaches an API answer or a log line; {@link #toString()} leaves the secret out).
 */
public record SsoClient(String tenantId, String issuer, String clientId, String clientSecret, String roleClaim,
                        SortedMap<String, List<String>> roleMapping, boolean ssoRequired) {

    @Override
    public String toString() {
        return "SsoClient[tenant=" + tenantId + ", issuer=" + issuer + ", clientId=" + clientId + "]";
    }
}
