/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import java.time.Instant;

/**
 * A sign-in started in one browser: what the callback must find again. It travels sealed in a cookie of that browser
 * only (so a callback opened in another browser, or forged, finds no match), and is good until {@code expires}.
 */
public record PendingLogin(String tenantId, String issuer, String clientId, String state, String nonce, String verifier,
                           String redirectUri, Instant expires) {
}
