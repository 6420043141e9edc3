/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import java.time.Instant;

/** The declarative mapping stored for one source, as its author wrote it (JSON or YAML). */
public record SourceMapping(String source, String kind, String version, String mapping, String updatedBy, Instant updatedAt) {
}
