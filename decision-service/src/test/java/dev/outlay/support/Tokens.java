/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.support;

import io.smallrye.jwt.build.Jwt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/** Demo-mode tokens for tests, signed with the key pair the service generated in its test data dir. */
public final class Tokens {

    public static final String ISSUER = "outlay-demo";
    /** What demo mode expects (dev.outlay.demo.DemoAudience); a demo token without it is refused. */
    public static final String AUDIENCE = "outlay";

    private Tokens() {
    }

    public static String token(String tenant, String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .claim("tenant", tenant)
                .groups(Set.of(roles))
                .expiresIn(3600)
                .jws().sign(privateKey());
    }

    public static String bearer(String tenant, String subject, String... roles) {
        return "Bearer " + token(tenant, subject, roles);
    }

    public static PrivateKey privateKey() {
        return privateKey(Path.of("target/test-data/keys/jwt-private.pem"));
    }

    /** A PKCS#8 PEM private key, as {@code DemoSigningKeys} writes it. */
    public static PrivateKey privateKey(Path pemFile) {
        try {
            String pem = Files.readString(pemFile)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("signing key " + pemFile + " not readable; is the test app in demo mode?", e);
        }
    }
}
