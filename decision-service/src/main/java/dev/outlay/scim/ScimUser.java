/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/** A stored SCIM user: indexed columns and the attributes as last written. {@code userName} is the Outlay subject. */
record ScimUser(UUID id, String userName, String externalId, String displayName, boolean active, ObjectNode attributes,
                long version, Instant created, Instant modified) {
}
