/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A tenant's limits, one typed field each; null means no limit. Stored with the plan; enforced by metering (which
 * reads them through {@link TenantPlans}), never on optimisation actions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantLimits(Long connectedSources, Long connectedAccounts, Long seats, Long monthlyIngestedRows) {

    public static final TenantLimits NONE = new TenantLimits(null, null, null, null);

    /** Each limit is a whole number of at least 0; the first violation is named. */
    void check() {
        check("connectedSources", connectedSources);
        check("connectedAccounts", connectedAccounts);
        check("seats", seats);
        check("monthlyIngestedRows", monthlyIngestedRows);
    }

    private static void check(String field, Long v) {
        if (v != null && v < 0) throw new TenantProvisioningRefusedException(422, "limits." + field, "a limit is 0 or more (absent: no limit)");
    }
}
