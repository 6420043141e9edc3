/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.provisioning;

/** An operator request refused before anything changed: 404 unknown tenant, 409 exists already, 422 a field (named). */
public class TenantProvisioningRefusedException extends RuntimeException {

    private final int status;
    private final String field;

    public TenantProvisioningRefusedException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
