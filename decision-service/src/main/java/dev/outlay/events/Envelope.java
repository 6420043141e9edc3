/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.UUID;

/**
 * What a consumer reads as the record value: {@code eventId} (deduplicate by it: delivery is at least once),
 * {@code kind}, {@code schemaVersion} of {@code data}, {@code tenantId} (also the record key) and {@code occurredAt}
 * (the domain change's transaction time).
 */
@JsonPropertyOrder({"eventId", "kind", "schemaVersion", "tenantId", "occurredAt", "data"})
public record Envelope(UUID eventId, String kind, int schemaVersion, String tenantId, Instant occurredAt, @JsonRawValue String data) {
}
