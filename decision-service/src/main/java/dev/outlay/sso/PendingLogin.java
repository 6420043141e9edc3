package dev.outlay.sso;

import java.time.Instant;

/**
 * A sign-in started in one browser: what the callback must find again. It travels sealed in a cookie of that browser
 * only (so a callback opened in another browser, or forged, finds no match), and is good until {@code expires}.
 */
public record PendingLogin(String tenantId, String issuer, String clientId, String state, String nonce, String verifier,
                           String redirectUri, Instant expires) {
}
