/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

/** A pack request refused before anything was read or recorded: names the field and what is wrong with it. */
public class CompliancePackRefusedException extends RuntimeException {

    private final String field;
    private final String value;

    public CompliancePackRefusedException(String message, String field, String value) {
        super(message);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
