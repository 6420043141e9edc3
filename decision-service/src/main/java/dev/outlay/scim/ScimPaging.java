/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

/** startIndex and count as RFC 7644 §3.4.2.4 reads them: below 1 is 1, negative count is 0, and count is capped. */
final class ScimPaging {

    static final int MAX_COUNT = 200;
    static final int DEFAULT_COUNT = 100;

    private ScimPaging() {
    }

    static int startIndex(Integer raw) {
        return raw == null || raw < 1 ? 1 : raw;
    }

    static int count(Integer raw) {
        if (raw == null) return DEFAULT_COUNT;
        return Math.max(0, Math.min(raw, MAX_COUNT));
    }
}
