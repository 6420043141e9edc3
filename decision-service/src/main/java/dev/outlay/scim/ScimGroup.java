/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored SCIM group and its members (user id and userName). */
record ScimGroup(UUID id, String displayName, String externalId, long version, Instant created, Instant modified, List<Member> members) {

    record Member(UUID id, String userName) {
    }
}
