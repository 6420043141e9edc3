/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

import dev.outlay.audit.AuditEntry;

import java.util.List;

/** Everything one pack is built from; documents are null when the build does not bundle them. */
record PackEvidence(String tenantId, PackWindow window, String serviceVersion, byte[] rbacMatrix, RlsCoverage.Report rls,
                    IsolationRun isolationRun, AuditVerification auditVerification, List<AuditEntry> auditEntries,
                    RetentionSettings retention, byte[] retentionPolicy, byte[] slos, byte[] incidentRunbook) {
}
