/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

import dev.outlay.allocation.TagKeys;

/**
 * What a carbon report can be grouped by: ledger columns, or an ownership tag resolved across its key spellings
 * the way allocation reads them ({@link TagKeys}: {@code Team}, {@code user_team}, {@code team} ...).
 */
enum CarbonDimension {
    PROVIDER("provider", "provider_name", null),
    SERVICE("service", "service_name", null),
    REGION("region", "region_id", null),
    ACCOUNT("account", "COALESCE(sub_account_id, billing_account_id)", null),
    TEAM("team", null, TagKeys.TEAM),
    PRODUCT("product", null, TagKeys.PRODUCT),
    ENVIRONMENT("environment", null, TagKeys.ENVIRONMENT),
    COST_CENTRE("costCentre", null, TagKeys.COST_CENTER);

    final String wire;
    final String column;
    final String canonicalTag;

    CarbonDimension(String wire, String column, String canonicalTag) {
        this.wire = wire;
        this.column = column;
        this.canonicalTag = canonicalTag;
    }

    static CarbonDimension parse(String wire) {
        for (CarbonDimension d : values()) if (d.wire.equals(wire)) return d;
        return null;
    }

    static String names() {
        StringBuilder sb = new StringBuilder();
        for (CarbonDimension d : values()) sb.append(sb.isEmpty() ? "" : ", ").append(d.wire);
        return sb.toString();
    }
}
