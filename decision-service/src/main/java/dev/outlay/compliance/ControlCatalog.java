/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

import java.util.ArrayList;
import java.util.List;

/** The controls a pack lists, each judged from the evidence gathered for that pack (plain Java, no I/O). */
final class ControlCatalog {

    private ControlCatalog() {
    }

    static List<Control> judge(PackEvidence e) {
        List<Control> out = new ArrayList<>();
        out.add(document("OUT-AC-01", "Role-based access, default deny",
                "every route is classified and allowed only to the roles of its action; unclassified routes are refused",
                List.of("CC6.1", "CC6.3"), PackFiles.RBAC_MATRIX, e.rbacMatrix() != null,
                "each role's allowed actions and every route's action; RbacMatrixTest enforces the table on every build"));
        RlsCoverage.Report rls = e.rls();
        out.add(new Control("OUT-AC-02", "Tenant isolation in the database",
                "every tenant-owned table has row-level security enabled and forced with a tenant policy; the service role "
                        + "is neither superuser nor BYPASSRLS",
                List.of("CC6.1"), List.of(PackFiles.RLS_COVERAGE), rls.complete() ? Control.EVIDENCED : Control.GAP,
                rls.enforcedTables() + " of " + rls.tenantTables() + " tenant tables enforced"
                        + (rls.gaps().isEmpty() ? "" : "; not enforced: " + String.join(", ", rls.gaps()))
                        + (rls.serviceRole().superuser() || rls.serviceRole().bypassRls() ? "; the service role bypasses RLS" : "")));
        IsolationRun run = e.isolationRun();
        out.add(new Control("OUT-AC-03", "Tenant isolation tested",
                "a second tenant sees nothing of the first on every route (TenantIsolationWalkTest)",
                List.of("CC4.1", "CC6.1"), List.of(PackFiles.ISOLATION_RUN),
                switch (run.status()) {
                    case IsolationRun.PASSED -> Control.EVIDENCED;
                    case IsolationRun.NOT_RECORDED -> Control.NOT_RECORDED;
                    default -> Control.GAP;
                }, run.detail()));
        AuditVerification v = e.auditVerification();
        out.add(new Control("OUT-AU-01", "Tamper-evident audit log",
                "the tenant's audit log is hash-chained, append-only and anchored; the chain verifies from its genesis "
                        + "through the window's end",
                List.of("CC7.2", "CC8.1"), List.of(PackFiles.AUDIT_VERIFICATION), v.valid() ? Control.EVIDENCED : Control.GAP,
                v.valid() ? v.entries() + " entries verify" : "broken at seq " + v.firstBrokenSeq() + ": " + v.reason()));
        out.add(new Control("OUT-AU-02", "Audit trail of the window",
                "every change in the window is recorded with actor, time, request and before/after",
                List.of("CC7.2"), List.of(PackFiles.AUDIT_LOG), Control.EVIDENCED,
                e.auditEntries().size() + " entries in the window"));
        out.add(new Control("OUT-DR-01", "Data retention",
                "data is kept and purged as the retention policy says",
                List.of("C1.2", "P4.2"), e.retentionPolicy() == null ? List.of(PackFiles.RETENTION) : List.of(PackFiles.RETENTION, PackFiles.RETENTION_POLICY),
                Control.EVIDENCED, "decision log: " + e.retention().decisionLog()));
        out.add(document("OUT-OP-01", "Service level objectives",
                "availability, latency, freshness and audit integrity have objectives and an error-budget policy",
                List.of("A1.1", "A1.2"), PackFiles.SLOS, e.slos() != null,
                "objectives only: measured figures come from the deployment's Prometheus (/q/metrics) and are not recorded by the service"));
        out.add(document("OUT-IR-01", "Incident response",
                "a runbook for suspected cross-tenant exposure and other incidents",
                List.of("CC7.3", "CC7.4", "CC7.5"), PackFiles.INCIDENT_RUNBOOK, e.incidentRunbook() != null,
                "the runbook this build ships"));
        return List.copyOf(out);
    }

    private static Control document(String id, String title, String objective, List<String> soc2, String file, boolean present,
                                    String finding) {
        return present ? new Control(id, title, objective, soc2, List.of(file), Control.EVIDENCED, finding)
                : new Control(id, title, objective, soc2, List.of(), Control.NOT_RECORDED, "the document is not bundled with this build");
    }
}
