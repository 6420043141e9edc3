/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.tenancy;

import java.util.regex.Pattern;

/** Tenant ids travel in tokens, logs and CSV exports, so they are restricted to a safe slug. */
public final class TenantIds {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private TenantIds() {
    }

    public static boolean valid(String id) {
        return id != null && SLUG.matcher(id).matches();
    }
}
