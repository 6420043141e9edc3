/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

/** How an import arrived: an uploaded CSV or JSON file, or a connection's read of a provider API. */
public enum ImportFormat {
    CSV("csv"),
    JSON("json"),
    AWS_API("aws-api"),
    /** A SaaS seat connection's poll (Microsoft 365): its licence SKUs as saas-subscription items. */
    SAAS_API("saas-api");

    private final String wireName;

    ImportFormat(String wireName) {
        this.wireName = wireName;
    }

    /** As the {@code inventory_import.format} column spells it. */
    public String wireName() {
        return wireName;
    }
}
