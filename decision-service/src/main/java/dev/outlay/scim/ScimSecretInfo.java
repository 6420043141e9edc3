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

/** A SCIM secret as the admin API shows it: never the secret itself. {@code notAfter} ends a rotated secret's overlap. */
public record ScimSecretInfo(String id, String createdBy, Instant createdAt, Instant notAfter, Instant revokedAt,
                             Instant lastUsedAt, boolean usable) {
}
