package dev.outlay.sso;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * A tenant's console sign-in registration as the API shows it: the client secret is never returned, only that one
 * is stored ({@code clientSecret} is the fixed mask).
 */
public record SsoConfig(String issuer, String clientId, String clientSecret, String roleClaim,
                        SortedMap<String, List<String>> roleMapping, boolean ssoRequired, String updatedBy, Instant updatedAt) {

    public static final String MASK = "********";
}
