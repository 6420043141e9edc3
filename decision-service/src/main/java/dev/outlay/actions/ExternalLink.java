/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import java.time.Instant;
import java.util.UUID;

/** The issue Outlay opened for a subject in an outside system, as Outlay keeps it (never from the system's search). */
public record ExternalLink(UUID integrationId, String subjectType, String subjectId, String key, String url, String status,
                           UUID deliveryId, Instant createdAt, Instant updatedAt) {
}
