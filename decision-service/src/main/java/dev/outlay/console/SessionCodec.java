/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantIds;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes and reads the console's session cookie value: {@code base64url(payload).base64url(HMAC-SHA256(payload))}.
 * The payload is {@code v1|tenant|subject|role,role|expiresEpochSecond|csrf} (roles: Outlay roles and owner groups);
 * tenant, subject and roles are checked
 * on the way back in as strictly as a token's claims, so a forged or stale value never becomes a caller.
 */
public final class SessionCodec {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** An owner group a session may carry besides its roles (the teams whose findings it sees, as a token's groups). */
    static final java.util.regex.Pattern GROUP = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");

    private final byte[] key;

    public SessionCodec(byte[] key) {
        if (key.length < 32) throw new IllegalArgumentException("a session key needs at least 256 bits");
        this.key = key.clone();
    }

    public static String randomToken() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return B64.encodeToString(b);
    }

    public String encode(ConsoleSession s) {
        String payload = String.join("|", "v1", s.caller().tenantId(), s.caller().subject(),
                String.join(",", new TreeSet<>(s.caller().roles())), Long.toString(s.expires().getEpochSecond()), s.csrf());
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(p) + "." + B64.encodeToString(mac(p));
    }

    public Optional<ConsoleSession> decode(String value, Instant now) {
        if (value == null) return Optional.empty();
        int dot = value.indexOf('.');
        if (dot <= 0 || dot != value.lastIndexOf('.')) return Optional.empty();
        byte[] p;
        byte[] sig;
        try {
            p = B64D.decode(value.substring(0, dot));
            sig = B64D.decode(value.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(p), sig)) return Optional.empty();
        String[] f = new String(p, StandardCharsets.UTF_8).split("\\|", -1);
        if (f.length != 6 || !"v1".equals(f[0]) || !TenantIds.valid(f[1]) || f[2].isBlank() || f[5].isBlank()) return Optional.empty();
        Set<String> roles = new TreeSet<>(Arrays.asList(f[3].split(",")));
        if (!roles.stream().allMatch(r -> Caller.ROLES.contains(r) || GROUP.matcher(r).matches())) return Optional.empty();
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(f[4]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!expires.isAfter(now)) return Optional.empty();
        return Optional.of(new ConsoleSession(new Caller(f[1], f[2], Set.copyOf(roles)), expires, f[5]));
    }

    /** Constant time, so a CSRF token cannot be guessed byte by byte from response times. */
    public static boolean sameToken(String expected, String given) {
        if (expected == null || given == null) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
