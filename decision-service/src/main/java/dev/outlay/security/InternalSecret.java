/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random value made at every start and never stored or logged: the embedded jobs service's routes answer only
 * requests carrying it, which only this process can send (its job client and its timer executor add it). A socket
 * address or a forwarding header proves nothing behind a proxy or on a shared host; this does.
 */
@Singleton
public class InternalSecret {

    public static final String HEADER = "X-Outlay-Internal";

    private final byte[] value;

    public InternalSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.value = Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.US_ASCII);
    }

    public String value() {
        return new String(value, StandardCharsets.US_ASCII);
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value, presented.getBytes(StandardCharsets.UTF_8));
    }
}
