/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security.openapi;

import dev.outlay.security.RouteClass;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names and explains the read-only process and task routes Kogito generates (no annotations of ours can reach them):
 * an operationId spelled from the path, so it is stable and unique, and a summary from the route's shape.
 */
final class RawKogitoOperations {

    static final String TAG = "raw-kogito";

    private static final String DESCRIPTION = "Kogito's generated route, served read-only to admins and only for the"
            + " caller's tenant (another tenant's instances and tasks answer 404). Nothing changes through raw routes:"
            + " processes start and tasks are decided through /api/v1 (spend-requests, violations, close, inbox).";

    private RawKogitoOperations() {
    }

    static void describe(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) return;
        for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
            if (ServedApiFilter.classify(entry.getKey()) != RouteClass.RAW_KOGITO) continue;
            for (Operation op : entry.getValue().getOperations().values()) {
                if (blank(op.getOperationId())) op.setOperationId(operationId(entry.getKey()));
                op.setSummary(summary(entry.getKey()));
                if (blank(op.getDescription())) op.setDescription(DESCRIPTION);
                op.setTags(new ArrayList<>(List.of(TAG)));
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** {@code /spendApproval/{id}/tasks} → {@code rawSpendApprovalByIdTasks}. */
    static String operationId(String template) {
        StringBuilder id = new StringBuilder("raw");
        for (String segment : template.split("/")) {
            if (segment.isEmpty()) continue;
            boolean param = segment.startsWith("{");
            String name = param ? segment.substring(1, segment.length() - 1) : segment;
            if (param) id.append("By");
            id.append(Character.toUpperCase(name.charAt(0))).append(name.substring(1).replaceAll("[^A-Za-z0-9]", ""));
        }
        return id.toString();
    }

    static String summary(String template) {
        String[] s = template.substring(1).split("/");
        String root = s[0];
        if (root.equals("usertasks")) {
            if (s.length == 2) return "List the user tasks the caller can see (raw)";
            if (s.length == 3) return "Read one user task (raw)";
            String what = s[3];
            if (what.equals("transition")) return "List the transitions a user task allows (raw)";
            return s.length == 4 ? "Read a user task's " + what + " (raw)" : "Read one of a user task's " + what + " (raw)";
        }
        String last = s[s.length - 1];
        return switch (s.length) {
            case 1 -> "List " + root + " process instances (raw)";
            case 2 -> last.equals("schema") ? "JSON schema of " + root + "'s variables (raw)" : "Read one " + root + " instance (raw)";
            case 3 -> last.equals("tasks") ? "List a " + root + " instance's open tasks (raw)" : "JSON schema of " + root + "'s " + s[1] + " tasks (raw)";
            case 4 -> "Read one " + s[2] + " task of a " + root + " instance (raw)";
            default -> "JSON schema of one " + s[2] + " task of a " + root + " instance (raw)";
        };
    }
}
