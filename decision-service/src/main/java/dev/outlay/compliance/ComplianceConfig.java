/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.util.Optional;

@ConfigMapping(prefix = "outlay.compliance")
public interface ComplianceConfig {

    /**
     * OUTLAY_COMPLIANCE_ISOLATION_REPORT: path of the JUnit XML report of the last tenant-isolation test run (e.g.
     * Surefire's TEST-dev.outlay.security.TenantIsolationWalkTest.xml, copied by the deployment); unset, packs say
     * "not recorded".
     */
    @WithName("isolation-report")
    Optional<String> isolationReport();
}
