/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

/**
 * The domain event kinds, their names on the wire and the schema version of their {@code data}. A version goes up
 * only when a field is removed or changes meaning; added fields keep it (consumers ignore what they do not know).
 */
public enum EventKind {
    INGESTION_SUCCEEDED("ingestion.succeeded", 1),
    ALLOCATION_RUN_FINISHED("allocation.run.finished", 1),
    DECISION_LOGGED("decision.logged", 1),
    ANOMALY_DETECTED("anomaly.detected", 1),
    ANOMALY_STATE_CHANGED("anomaly.state-changed", 1),
    FINDING_OPENED("finding.opened", 1),
    VIOLATION_RAISED("violation.raised", 1),
    CLOSE_STATE_CHANGED("close.state-changed", 1);

    private final String wire;
    private final int schemaVersion;

    EventKind(String wire, int schemaVersion) {
        this.wire = wire;
        this.schemaVersion = schemaVersion;
    }

    public String wire() {
        return wire;
    }

    public int schemaVersion() {
        return schemaVersion;
    }
}
