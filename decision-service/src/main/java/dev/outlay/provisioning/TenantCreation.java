/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.provisioning;

/** The operator's create request: a slug id, a display name, a plan (default free) and limits overriding the plan's. */
public record TenantCreation(String id, String displayName, String plan, TenantLimits limits) {
}
