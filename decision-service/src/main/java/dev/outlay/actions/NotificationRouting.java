/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import dev.outlay.decisions.DecisionRecord;
import dev.outlay.decisions.DecisionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

/**
 * Routes an event with the tenant's active {@code notification-routing} rule set, through the decision service so
 * every routing is in the decision log (and replayable against another version) like any other decision.
 */
@ApplicationScoped
public class NotificationRouting {

    public static final String RULE_SET = "notification-routing";

    @Inject
    DecisionService decisions;

    public Route route(ActionEvent e) {
        Map<String, Object> in = new HashMap<>();
        in.put("eventKind", e.kind().label());
        in.put("severity", e.severity());
        in.put("owner", e.owner());
        in.put("environment", e.environment());
        in.put("amount", e.amount());
        DecisionRecord record = decisions.evaluateOffered(RULE_SET, null, in);
        Object route = record.outputValues().get("route");
        if (!(route instanceof Map<?, ?> r)) return new Route(Route.NONE, null, null, record.versionHash(), record.id());
        return new Route(str(r.get("channel")), str(r.get("target")), str(r.get("ruleId")), record.versionHash(), record.id());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
