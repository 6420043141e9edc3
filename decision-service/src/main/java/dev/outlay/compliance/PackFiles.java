/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

/** The file names inside a compliance pack, in the order they are written. */
final class PackFiles {

    static final String MANIFEST = "manifest.json";
    static final String PACK_HASH = "PACK.sha256";
    static final String CONTROLS = "controls.json";
    static final String RBAC_MATRIX = "evidence/rbac-matrix.md";
    static final String RLS_COVERAGE = "evidence/rls-coverage.json";
    static final String ISOLATION_RUN = "evidence/isolation-test-run.json";
    static final String AUDIT_VERIFICATION = "evidence/audit-chain-verification.json";
    static final String AUDIT_LOG = "evidence/audit-log.csv";
    static final String RETENTION = "evidence/retention-settings.json";
    static final String RETENTION_POLICY = "evidence/data-retention.md";
    static final String SLOS = "evidence/slos.md";
    static final String INCIDENT_RUNBOOK = "evidence/incident-response.md";

    private PackFiles() {
    }
}
