/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.provisioning;

import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantIds;
import dev.outlay.tenancy.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The platform operator's tenant operations: create (with a plan), suspend, resume, change plan and limits. Each is
 * recorded in the target tenant's own audit chain, with the operator as actor ({@code operator:<subject>}), so the
 * tenant's auditors see what the platform did to their tenant.
 */
@ApplicationScoped
public class TenantProvisioning {

    @Inject
    TenantRegistry registry;

    @Inject
    TenantPlans plans;

    @Inject
    AuditLog audit;

    public TenantView create(TenantCreation in, String operator) {
        if (in == null) throw new TenantProvisioningRefusedException(422, null, "A body {id, displayName, plan, limits} is required.");
        if (!TenantIds.valid(in.id())) throw new TenantProvisioningRefusedException(422, "id", "a lowercase slug: a-z, 0-9 and '-', 1 to 63 characters, not starting with '-'");
        String name = in.displayName() == null || in.displayName().isBlank() ? in.id() : in.displayName().trim();
        if (name.length() > 200) throw new TenantProvisioningRefusedException(422, "displayName", "at most 200 characters");
        String plan = in.plan() == null ? PlanCatalog.FREE : in.plan();
        TenantLimits limits = in.limits() == null ? PlanCatalog.defaults(plan) : in.limits();
        PlanCatalog.defaults(plan);
        limits.check();
        if (registry.exists(in.id())) throw new TenantProvisioningRefusedException(409, "id", "Tenant " + in.id() + " exists already.");
        // The registry creates the row and lets every module seed the new tenant (rule sets ...), as demo mode does.
        if (!registry.ensure(in.id(), name, false)) throw new TenantProvisioningRefusedException(409, "id", "Tenant " + in.id() + " exists already.");
        TenantContext.runAs(actor(in.id(), operator), () -> QuarkusTransaction.requiringNew().run(() -> record(in.id(), plan, limits, "tenant.provision", null)));
        return view(in.id());
    }

    public TenantView suspend(String tenantId, StatusChange change, String operator) {
        return status(tenantId, TenantRegistry.SUSPENDED, change, operator);
    }

    public TenantView resume(String tenantId, StatusChange change, String operator) {
        return status(tenantId, TenantRegistry.ACTIVE, change, operator);
    }

    public TenantView changePlan(String tenantId, PlanChange change, String operator) {
        if (change == null || change.plan() == null) throw new TenantProvisioningRefusedException(422, "plan", "required");
        TenantLimits limits = change.limits() == null ? PlanCatalog.defaults(change.plan()) : change.limits();
        PlanCatalog.defaults(change.plan());
        limits.check();
        TenantPlan before = plans.of(tenantId).orElseThrow(() -> notFound(tenantId));
        TenantContext.runAs(actor(tenantId, operator), () -> QuarkusTransaction.requiringNew().run(() -> record(tenantId, change.plan(), limits, "tenant.plan", before)));
        return view(tenantId);
    }

    public TenantView view(String tenantId) {
        TenantRegistry.Tenant t = registry.find(tenantId).orElseThrow(() -> notFound(tenantId));
        TenantPlan p = plans.of(tenantId).orElseThrow(() -> notFound(tenantId));
        return new TenantView(t.id(), t.displayName(), t.demo(), t.createdAt(), t.status(), t.statusChangedAt(), t.statusReason(),
                p.plan(), p.limits());
    }

    public List<TenantView> list() {
        List<TenantView> out = new ArrayList<>();
        for (String id : registry.ids()) out.add(view(id));
        return out;
    }

    private TenantView status(String tenantId, String status, StatusChange change, String operator) {
        TenantRegistry.Tenant before = registry.find(tenantId).orElseThrow(() -> notFound(tenantId));
        String reason = change == null || change.reason() == null || change.reason().isBlank() ? null : change.reason().trim();
        if (reason != null && reason.length() > 500) throw new TenantProvisioningRefusedException(422, "reason", "at most 500 characters");
        TenantContext.runAs(actor(tenantId, operator), () -> QuarkusTransaction.requiringNew().run(() -> writeStatus(tenantId, status, reason, before.status())));
        registry.invalidateStatus(tenantId);
        return view(tenantId);
    }

    /** The change and its audit entry commit together. */
    private void writeStatus(String tenantId, String status, String reason, String before) {
        registry.setStatus(tenantId, status, reason);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status);
        if (reason != null) after.put("reason", reason);
        audit.record(TenantRegistry.SUSPENDED.equals(status) ? "tenant.suspend" : "tenant.resume", "tenant", tenantId,
                Map.of("status", before), after);
    }

    private void record(String tenantId, String plan, TenantLimits limits, String action, TenantPlan before) {
        plans.write(tenantId, plan, limits);
        audit.record(action, "tenant", tenantId, before == null ? null : Map.of("plan", before.plan(), "limits", before.limits()),
                Map.of("plan", plan, "limits", limits));
    }

    /** The operator acting inside one tenant, for its audit chain; no tenant role. */
    private static Caller actor(String tenantId, String operator) {
        return new Caller(tenantId, "operator:" + operator, Set.of());
    }

    private static TenantProvisioningRefusedException notFound(String tenantId) {
        return new TenantProvisioningRefusedException(404, null, "No tenant " + tenantId + ".");
    }
}
