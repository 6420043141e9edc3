package dev.outlay.sso;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/** A stored SSO registration row; the secret still sealed. Only {@link SsoConfigService} opens it. */
record SsoRegistration(String tenantId, String issuer, String clientId, String sealedSecret, String roleClaim,
                       SortedMap<String, List<String>> roleMapping, boolean ssoRequired, String updatedBy, Instant updatedAt) {

    SsoConfig view() {
        return new SsoConfig(issuer, clientId, SsoConfig.MASK, roleClaim, roleMapping, ssoRequired, updatedBy, updatedAt);
    }
}
