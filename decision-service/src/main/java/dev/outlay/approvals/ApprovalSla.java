/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import dev.outlay.platform.OutlayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Turns the policy's SLA (hours) into the timer duration of one approval level. The unit is configurable so tests
 * can run an escalation in seconds ({@code %test.outlay.approvals.sla-unit}).
 */
@ApplicationScoped
public class ApprovalSla {

    @Inject
    OutlayConfig config;

    public Duration of(Integer slaHours) {
        int hours = slaHours == null || slaHours <= 0 ? 24 : slaHours;
        return config.approvals().slaUnit().multipliedBy(hours);
    }
}
