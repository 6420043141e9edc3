/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.UUID;

/** A billing file (or an S3 billing period's files) loaded into the tenant's ledger. */
public record IngestionSucceededEvent(UUID ingestionId, String source, String objectKey, long rowsLoaded, long rowsReplaced,
                                      List<String> billingPeriods) implements DomainEvent {

    @JsonIgnore
    @Override
    public EventKind kind() {
        return EventKind.INGESTION_SUCCEEDED;
    }
}
