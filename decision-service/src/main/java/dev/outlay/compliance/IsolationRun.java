/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

/**
 * The last tenant-isolation test run, as its JUnit XML report says: {@code status} is passed, failed, not recorded
 * (no report configured or none at the path) or unreadable; counts and timestamp are the report's own.
 */
public record IsolationRun(String status, String detail, String reportSha256, String suite, Integer tests, Integer failures,
                           Integer errors, Integer skipped, String timestamp) {

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String NOT_RECORDED = "not recorded";
    public static final String UNREADABLE = "unreadable";

    static IsolationRun without(String status, String detail) {
        return new IsolationRun(status, detail, null, null, null, null, null, null, null);
    }
}
