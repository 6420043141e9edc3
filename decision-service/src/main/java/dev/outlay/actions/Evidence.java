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

/** The stored result of a "send test" on a connection: acceptance evidence that the receiver got a signed event. */
public record Evidence(long id, UUID integrationId, boolean ok, Integer statusCode, String detail, String requestBody, String testedBy,
                       Instant at) {
}
