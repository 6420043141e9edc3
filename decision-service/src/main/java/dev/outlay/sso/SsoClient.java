/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import java.util.List;
import java.util.SortedMap;

/**
 * A tenant's registration with the client secret opened, for the sign-in flow only (never serialised: no getter
 * reaches an API answer or a log line; {@link #toString()} leaves the secret out).
 */
public record SsoClient(String tenantId, String issuer, String clientId, String clientSecret, String roleClaim,
                        SortedMap<String, List<String>> roleMapping, boolean ssoRequired) {

    @Override
    public String toString() {
        return "SsoClient[tenant=" + tenantId + ", issuer=" + issuer + ", clientId=" + clientId + "]";
    }
}
