/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.platform;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts secrets at rest (source credentials, webhook tokens) with AES-256-GCM. The stored form is
 * {@code v1:<base64(nonce || ciphertext+tag)>}; the associated data binds a secret to its tenant and purpose,
 * so a ciphertext copied to another tenant's row does not decrypt.
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(byte[] key) {
        if (key.length != 32) throw new IllegalArgumentException("the secrets key must be 32 bytes (base64 of 32 random bytes)");
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public static SecretBox fromBase64(String encoded) {
        return new SecretBox(Base64.getDecoder().decode(encoded.trim()));
    }

    /**
     * A key for another purpose (e.g. signing audit anchors), derived from the secrets key with HMAC-SHA256 so the
     * encryption key itself is never used for two things.
     */
    public byte[] derive(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("outlay-derived-key:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(String plaintext, String tenantId, String purpose) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(tenantId, purpose));
            byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String open(String stored, String tenantId, String purpose) {
        if (stored == null || !stored.startsWith(PREFIX)) throw new IllegalArgumentException("not a sealed secret");
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(aad(tenantId, purpose));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret could not be decrypted (wrong key, tenant or purpose, or tampered)", e);
        }
    }

    private static byte[] aad(String tenantId, String purpose) {
        return (tenantId + "\u0000" + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
