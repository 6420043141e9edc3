/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import java.util.List;

/** One page of a list (RFC 7644 §3.4.2.4): 1-based start index, the total across pages. */
record ScimPage<T>(List<T> items, int totalResults, int startIndex) {
}
