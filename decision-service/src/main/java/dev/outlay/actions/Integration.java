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

/** An integration connection as the API and the audit log see it: the secret is only ever "***". */
public record Integration(UUID id, String name, String kind, String url, String channel, String issueType,
                          java.util.Map<String, String> assignees, java.util.Map<String, String> users, String ref, String secret, boolean inboundSecret, boolean healthy, String healthDetail,
                          String createdBy, Instant createdAt) {

    public static final String MASK = "***";
}
