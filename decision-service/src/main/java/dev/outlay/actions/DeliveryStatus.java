/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import java.util.Set;

/** The states of a delivery (see V90). */
public final class DeliveryStatus {

    public static final String PENDING = "pending";
    public static final String SENDING = "sending";
    public static final String DELIVERED = "delivered";
    public static final String DEAD = "dead";
    public static final String HELD = "held";
    public static final Set<String> ALL = Set.of(PENDING, SENDING, DELIVERED, DEAD, HELD);
    public static final Set<String> CHANNELS = Set.of("webhook", "slack", "teams", "jira", "github", "gitlab");

    private DeliveryStatus() {
    }
}
