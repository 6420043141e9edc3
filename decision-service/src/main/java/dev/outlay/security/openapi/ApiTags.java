/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups operations by their area, the first segment under /api/v1 (Swagger UI shows one section per tag), and
 * declares each tag used with its description.
 */
final class ApiTags {

    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("me", "Who the token says the caller is."),
            Map.entry("users", "The people of the tenant."),
            Map.entry("audit", "The tenant's hash-chained audit log and its verification."),
            Map.entry("tenant", "Tenant export and deletion, and the plan the platform operator set."),
            Map.entry("ingestions", "Billing file uploads, dry runs, load history and retractions."),
            Map.entry("costs", "The cost ledger, grouped and filtered."),
            Map.entry("exports", "FOCUS exports of the ledger."),
            Map.entry("mapping-templates", "Bundled column mappings for invoice-style billing files."),
            Map.entry("sources", "Billing sources: health, column mappings and backfills."),
            Map.entry("allocations", "Cost allocation: simulations, runs, results and coverage."),
            Map.entry("anomalies", "Spend anomaly detection, triage and its settings."),
            Map.entry("rulesets", "Rule sets (DMN, DRL): versions, publication, diffs, impact and scenarios."),
            Map.entry("decisions", "Evaluating rule sets, the decision log and replays."),
            Map.entry("policy", "Spend policy evaluation without side effects."),
            Map.entry("budgets", "Budgets and their status with forecast."),
            Map.entry("spend-requests", "Guarded spend requests and their approval history."),
            Map.entry("violations", "Observed spend the policy objects to, and its triage."),
            Map.entry("inbox", "The caller's approval and review tasks."),
            Map.entry("findings", "Savings findings, scans and their lifecycle."),
            Map.entry("fx-rates", "Exchange-rate sets, versioned by content hash."),
            Map.entry("inventory", "Resource inventory snapshots and usage metrics."),
            Map.entry("connections", "Connections to billing and inventory sources (credentials are never returned)."),
            Map.entry("integrations", "Outgoing integrations (Jira, Slack, Teams, pipelines) and their evidence."),
            Map.entry("deliveries", "The delivery log of outgoing notifications, and retries."),
            Map.entry("metrics", "Business metrics and their values, for unit economics."),
            Map.entry("kpis", "Unit-cost KPI definitions."),
            Map.entry("unit-costs", "Unit costs: spend per business metric."),
            Map.entry("invoices", "Invoice summaries to reconcile the ledger against."),
            Map.entry("reconciliations", "Reconciliation of the ledger against invoices and between sources."),
            Map.entry("close", "Month-end close: periods, packages, verification and restatements."),
            Map.entry("scim", "SCIM provisioning settings: the tenant's SCIM bearer secrets and the group to role mapping."),
            Map.entry("hooks", "Callbacks from connected systems, verified by the connection's signature."),
            Map.entry(RawKogitoOperations.TAG, "Kogito's generated process and task routes: admins, read-only, the caller's tenant only."));

    private ApiTags() {
    }

    static void declare(OpenAPI openAPI) {
        Map<String, Tag> used = new TreeMap<>();
        if (openAPI.getPaths() != null) {
            for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
                for (Operation op : entry.getValue().getOperations().values()) {
                    if (op.getTags() == null || op.getTags().isEmpty()) op.setTags(new ArrayList<>(List.of(area(entry.getKey()))));
                    for (String name : new TreeSet<>(op.getTags())) {
                        used.computeIfAbsent(name, n -> OASFactory.createTag().name(n)
                                .description(DESCRIPTIONS.getOrDefault(n, "Operations under /api/v1/" + n + ".")));
                    }
                }
            }
        }
        openAPI.setTags(new ArrayList<>(used.values()));
    }

    /** {@code /api/v1/rulesets/{name}} → {@code rulesets}; {@code /hooks/jira/...} → {@code hooks}. */
    static String area(String template) {
        String[] s = template.substring(1).split("/");
        return s[0].equals("api") && s.length > 2 ? s[2] : s[0];
    }
}
