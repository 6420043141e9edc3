/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.outlay.sso.SsoLoginRefusedException.Kind.REFUSED;

/**
 * Checks an ID token as OpenID Connect Core §3.1.3.7 asks: signed (asymmetric algorithms only: "none" and HMAC are
 * refused, HMAC because a key set is public) by a key of the issuer's key set, {@code iss} exactly the issuer,
 * {@code aud} containing the client id (and {@code azp} the client id when there are several audiences),
 * {@code exp} in the future and {@code iat} present, within the clock skew, and {@code nonce} the one this browser's
 * sign-in sent. Plain Java over jose4j; the key set is passed in.
 */
public final class IdTokenVerifier {

    private static final String[] ALGORITHMS = {
            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.RSA_PSS_USING_SHA384, AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
            AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512};

    private IdTokenVerifier() {
    }

    /** The verified claims; any failed check is a {@link SsoLoginRefusedException} naming it. */
    public static JwtClaims verify(String idToken, String keySetJson, String issuer, String clientId, String nonce,
                                   Instant now, Duration skew) {
        JsonWebKeySet keys;
        try {
            keys = new JsonWebKeySet(keySetJson);
        } catch (JoseException e) {
            throw new SsoLoginRefusedException(SsoLoginRefusedException.Kind.IDP_UNAVAILABLE, "The identity provider's key set is not a JWK set.", e);
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, ALGORITHMS)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.getJsonWebKeys()))
                .setExpectedIssuer(true, issuer)
                .setExpectedAudience(true, clientId)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setEvaluationTime(org.jose4j.jwt.NumericDate.fromSeconds(now.getEpochSecond()))
                .setAllowedClockSkewInSeconds((int) skew.toSeconds())
                .build();
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(idToken);
        } catch (InvalidJwtException e) {
            throw new SsoLoginRefusedException(REFUSED, "The ID token is not valid: " + reason(e) + ".", e);
        }
        try {
            Object n = claims.getClaimValue("nonce");
            if (!(n instanceof String given) || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.UTF_8))) {
                throw new SsoLoginRefusedException(REFUSED, "The ID token's nonce is not the one this sign-in sent.");
            }
            List<String> audience = claims.getAudience();
            if (audience.size() > 1 && !clientId.equals(claims.getClaimValueAsString("azp"))) {
                throw new SsoLoginRefusedException(REFUSED, "The ID token has several audiences and its azp is not this client.");
            }
            Instant issuedAt = Instant.ofEpochSecond(claims.getIssuedAt().getValue());
            if (issuedAt.isAfter(now.plus(skew))) throw new SsoLoginRefusedException(REFUSED, "The ID token is issued in the future.");
        } catch (MalformedClaimException e) {
            throw new SsoLoginRefusedException(REFUSED, "The ID token has a malformed claim: " + e.getMessage(), e);
        }
        return claims;
    }

    /** jose4j's first error, in words a person at the sign-in page can pass on (no token content). */
    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) return "it has expired";
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.ISSUER_INVALID)) return "it was issued by another issuer";
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.AUDIENCE_INVALID)) return "it is meant for another client";
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.SIGNATURE_INVALID)) return "its signature does not verify";
        if (e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.NOT_YET_VALID)) return "it is not valid yet";
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof org.jose4j.lang.UnresolvableKeyException) return "no key of the issuer's key set signed it";
        }
        return e.getErrorDetails().isEmpty() ? "it could not be read" : e.getErrorDetails().get(0).getErrorMessage();
    }
}
