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

import java.time.LocalDate;

/**
 * A cost anomaly seen for the first time (a re-detection of the same series and day is not a new event). Amounts
 * carry the series' currency; {@code currency} null means the tenant's single billing currency.
 */
public record AnomalyDetectedEvent(String anomalyId, String series, LocalDate day, String direction, Money cost, Money baseline,
                                   Money impact, String severity, String cause, String owner) implements DomainEvent {

    @JsonIgnore
    @Override
    public EventKind kind() {
        return EventKind.ANOMALY_DETECTED;
    }
}
