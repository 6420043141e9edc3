/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * {@code X-Outlay-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. The timestamp is inside the
 * signed text so a receiver can refuse old requests (replays) by checking {@code X-Outlay-Timestamp}; the version
 * prefix lets the scheme change without breaking receivers that check it.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Outlay-Signature";
    public static final String TIMESTAMP = "X-Outlay-Timestamp";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** What a receiver does (documented in docs/integrations.md): constant-time compare within a time window. */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader, long nowSeconds, long toleranceSeconds) {
        if (timestampHeader == null || signatureHeader == null) return false;
        long ts;
        try {
            ts = Long.parseLong(timestampHeader);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
        return MessageDigest.isEqual(sign(secret, ts, body).getBytes(StandardCharsets.US_ASCII), signatureHeader.getBytes(StandardCharsets.US_ASCII));
    }
}
