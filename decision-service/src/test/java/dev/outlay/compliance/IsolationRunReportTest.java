/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Table-driven over JUnit XML reports as Surefire and other runners write them. */
class IsolationRunReportTest {

    @ParameterizedTest
    @CsvSource({
            "surefire-passed.xml,    passed,     7, 0",
            "surefire-failed.xml,    failed,     7, 1",
            "testsuites-wrapper.xml, passed,     3, 0",
            "no-tests.xml,           failed,     0, 0",
            "doctype.xml,            unreadable, , ",
            "not-junit.xml,          unreadable, , ",
    })
    void readsTheReport(String fixture, String status, Integer tests, Integer failures) throws IOException {
        IsolationRun run = IsolationRunReport.of(fixture(fixture));
        assertEquals(status, run.status(), run.detail());
        assertEquals(tests, run.tests());
        assertEquals(failures, run.failures());
        assertNotNull(run.reportSha256());
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = IsolationRunReportTest.class.getResourceAsStream("/compliance/" + name)) {
            return in.readAllBytes();
        }
    }
}
