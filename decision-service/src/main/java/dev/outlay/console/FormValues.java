/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

/** Query and form values as pages read them: an absent field echoes back as "", a blank one filters nothing. */
public final class FormValues {

    private FormValues() {
    }

    /** The value to echo into the form's field. */
    public static String echo(String v) {
        return v == null ? "" : v;
    }

    /** The value to filter by: null when the field was left empty. */
    public static String given(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
