/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

/**
 * Slack's request signature (v0): {@code X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:" + ts + ":" + raw body)>}
 * with {@code X-Slack-Request-Timestamp: ts} in Unix seconds. A request older or newer than five minutes is refused
 * whatever its signature, so a captured request cannot be replayed later; within the window the hook refuses a
 * signature it has already accepted.
 */
public final class SlackSignature {

    public static final String HEADER = "X-Slack-Signature";
    public static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    static final long WINDOW_SECONDS = 300;

    private SlackSignature() {
    }

    public static String sign(String signingSecret, long timestamp, String body) {
        return "v0=" + HmacHex.sha256(signingSecret, "v0:" + timestamp + ":" + body);
    }

    static boolean verify(String signingSecret, String timestampHeader, String body, String signature, long nowSeconds) {
        if (timestampHeader == null || signature == null) return false;
        long ts;
        try {
            ts = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - ts) > WINDOW_SECONDS) return false;
        return HmacHex.same(sign(signingSecret, ts, body), signature);
    }
}
