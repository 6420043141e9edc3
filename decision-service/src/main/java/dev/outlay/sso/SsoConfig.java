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
import java.util.List;
import java.util.SortedMap;

/**
 * A tenant's console sign-in registration as the API shows it: the client secret is never returned, only that one
 * is stored ({@code clientSecret} is the fixed mask).
 */
public record SsoConfig(String issuer, String clientId, String clientSecret, String roleClaim,
                        SortedMap<String, List<String>> roleMapping, boolean ssoRequired, String updatedBy, Instant updatedAt) {

    public static final String MASK = "********";
}
