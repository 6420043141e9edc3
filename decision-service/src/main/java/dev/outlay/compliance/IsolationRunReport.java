/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

import dev.outlay.close.PackageBuilder;
import dev.outlay.decisions.SafeXml;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the configured isolation test report; never invents a run when there is none. */
@ApplicationScoped
public class IsolationRunReport {

    @Inject
    ComplianceConfig config;

    public IsolationRun last() {
        if (config.isolationReport().isEmpty()) {
            return IsolationRun.without(IsolationRun.NOT_RECORDED, "no isolation test report is configured (outlay.compliance.isolation-report)");
        }
        Path path = Path.of(config.isolationReport().get());
        if (!Files.isRegularFile(path)) {
            return IsolationRun.without(IsolationRun.NOT_RECORDED, "no isolation test report at the configured path");
        }
        try {
            return of(Files.readAllBytes(path));
        } catch (IOException e) {
            return IsolationRun.without(IsolationRun.UNREADABLE, "the configured isolation test report cannot be read");
        }
    }

    /** A Surefire/JUnit report: one {@code testsuite} root, or a {@code testsuites} root whose first suite counts. */
    static IsolationRun of(byte[] xml) {
        String sha = PackageBuilder.sha256(xml);
        try {
            Document doc = SafeXml.factory().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            Element suite = doc.getDocumentElement();
            if (suite.getTagName().equals("testsuites")) {
                var suites = suite.getElementsByTagName("testsuite");
                if (suites.getLength() == 0) return unreadable(sha, "the report holds no testsuite");
                suite = (Element) suites.item(0);
            }
            if (!suite.getTagName().equals("testsuite")) return unreadable(sha, "the report's root is not a JUnit testsuite");
            int tests = count(suite, "tests");
            int failures = count(suite, "failures");
            int errors = count(suite, "errors");
            int skipped = count(suite, "skipped");
            String status = tests > 0 && failures == 0 && errors == 0 ? IsolationRun.PASSED : IsolationRun.FAILED;
            String detail = tests == 0 ? "the report ran no test" : tests + " tests, " + failures + " failures, " + errors + " errors";
            return new IsolationRun(status, detail, sha, suite.getAttribute("name"), tests, failures, errors, skipped,
                    suite.hasAttribute("timestamp") ? suite.getAttribute("timestamp") : null);
        } catch (Exception e) {
            return unreadable(sha, "the report is not well-formed JUnit XML");
        }
    }

    private static IsolationRun unreadable(String sha, String detail) {
        return new IsolationRun(IsolationRun.UNREADABLE, detail, sha, null, null, null, null, null, null);
    }

    private static int count(Element suite, String attribute) {
        String v = suite.getAttribute(attribute);
        return v.isBlank() ? 0 : Integer.parseInt(v.trim());
    }
}
