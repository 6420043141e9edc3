/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimerCallbackUrlTest {

    static final String JOB = "/management/jobs/spendApproval/instances/1/timers/2";

    @ParameterizedTest(name = "{0} is this service ({1}): {2}")
    @CsvSource({
            // The runtime stores the default port spelled out: seen in MultiInstanceIT, the callback never matched.
            "http://outlay.cluster.test:80" + JOB + ", http://outlay.cluster.test, true",
            "http://outlay.cluster.test" + JOB + ", http://outlay.cluster.test/, true",
            "https://lb.example:443" + JOB + ", https://lb.example, true",
            "http://lb.example:8080" + JOB + ", http://lb.example, false",
            "http://other.example" + JOB + ", http://lb.example, false",
            "http://lb.example/base" + JOB + ", http://lb.example/base, true",
            "http://lb.example/basement" + JOB + ", http://lb.example/base, false",
            "not a url, http://lb.example, false",
    })
    void recognisesCallbacksToTheService(String url, String service, boolean expected) {
        assertEquals(expected, TimerCallbackExecutor.toThisService(url, service));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource({
            "http://outlay.cluster.test:80" + JOB + ", http://outlay.cluster.test, http://localhost:8081" + JOB,
            "http://lb.example/base" + JOB + "?limit=3, http://lb.example/base/, http://localhost:8081" + JOB + "?limit=3",
    })
    void sendsThemToThisInstance(String url, String service, String expected) {
        assertEquals(expected, TimerCallbackExecutor.toSelf(url, service, "http://localhost:8081/"));
    }
}
