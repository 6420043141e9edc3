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
import dev.outlay.audit.AuditLog;
import dev.outlay.platform.OutlayConfig;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;

/**
 * Gathers a tenant's evidence for a window and builds the pack. Everything tenant-specific is read under the
 * caller's tenant (the audit log through RLS); the rest is installation state (catalog, settings, bundled documents).
 * The generation itself is audited after the window, so it never changes a pack over a closed window.
 */
@ApplicationScoped
public class CompliancePacks {

    /** What the audit entry of a generation records. */
    public record Generated(String from, String to, String packHash, String zipSha256) {
    }

    @Inject
    AuditLog audit;

    @Inject
    RlsCoverage rls;

    @Inject
    IsolationRunReport isolation;

    @Inject
    OutlayConfig config;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String serviceVersion;

    Clock clock = Clock.systemUTC();

    @Transactional
    public CompliancePack generate(String from, String to) {
        PackWindow window = PackWindow.parse(from, to, clock.instant());
        String tenant = TenantContext.requireTenant();
        List<AuditEntry> entries = audit.list(window.from(), window.to(), null, null);
        AuditVerification verification = AuditVerification.of(window.to().toString(), audit.verifyThrough(window.to()));
        PackEvidence evidence = new PackEvidence(tenant, window, serviceVersion,
                BundledDocuments.read(BundledDocuments.RBAC_MATRIX).orElse(null), rls.read(), isolation.last(), verification,
                entries, retention(), BundledDocuments.read(BundledDocuments.RETENTION_POLICY).orElse(null),
                BundledDocuments.read(BundledDocuments.SLOS).orElse(null),
                BundledDocuments.read(BundledDocuments.INCIDENT_RUNBOOK).orElse(null));
        CompliancePack pack = PackBuilder.build(evidence);
        audit.record("compliance.pack", "compliance_pack", pack.packHash(), null,
                new Generated(window.from().toString(), window.to().toString(), pack.packHash(), pack.zipSha256()));
        return pack;
    }

    private RetentionSettings retention() {
        int days = config.retention().decisionLogDays();
        return new RetentionSettings(days,
                days <= 0 ? "kept forever" : "records older than " + days + " days are deleted (audited)",
                config.retention().checkEvery(), config.tenantDelete().gracePeriod().toString(),
                "kept for the life of the tenant; append-only, ended only by the tenant's deletion",
                "kept for the life of the tenant", "not kept: streamed into the ledger, name, size and SHA-256 kept");
    }
}
