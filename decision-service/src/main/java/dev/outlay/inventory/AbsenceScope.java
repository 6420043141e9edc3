/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import dev.outlay.model.inventory.ResourceKind;

/**
 * A (region, kind) a read listed completely. A connection read marks unlisted items absent only inside the scopes
 * it listed: a listing AWS denied says nothing about the resources it would have returned.
 */
public record AbsenceScope(String region, ResourceKind kind) {
}
