/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.platform;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretBoxTest {

    private static SecretBox box() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretBox(key);
    }

    @Test
    void sealsAndOpensWithoutKeepingClearText() {
        SecretBox box = box();
        String sealed = box.seal("AKIA-secret-value", "acme", "source:s3");
        assertFalse(sealed.contains("AKIA"));
        assertNotEquals(sealed, box.seal("AKIA-secret-value", "acme", "source:s3"), "nonces must differ");
        assertEquals("AKIA-secret-value", box.open(sealed, "acme", "source:s3"));
    }

    @Test
    void refusesAnotherTenantPurposeKeyOrTampering() {
        SecretBox box = box();
        String sealed = box.seal("token", "acme", "source:s3");
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "other", "source:s3"));
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "acme", "webhook"));
        assertThrows(IllegalStateException.class, () -> box().open(sealed, "acme", "source:s3"));
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> box.open(tampered, "acme", "source:s3"));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16]));
    }
}
