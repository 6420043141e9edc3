/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.alerts;

/**
 * What alerting made of one anomaly.
 *
 * @param alert   new | ongoing | snoozed | duplicate | below-threshold
 * @param alertId the alert it raised or joined (the id of the episode's first anomaly), null when it raised none
 * @param triage  whether this anomaly starts a triage process
 */
public record AlertOutcome(String anomalyId, String alert, String alertId, boolean triage) {

    public static final String NEW = "new";
    public static final String ONGOING = "ongoing";
    public static final String SNOOZED = "snoozed";
    public static final String DUPLICATE = "duplicate";
    public static final String BELOW_THRESHOLD = "below-threshold";
}
