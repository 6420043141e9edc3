/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.kie.kogito.decision.DecisionModel;
import org.kie.kogito.decision.DecisionModels;
import org.kie.dmn.api.core.DMNResult;

import java.math.BigDecimal;
import java.util.Map;

/** Ready only when the rule engine can evaluate the bundled spend policy (proves FEEL and the models loaded). */
@Readiness
@ApplicationScoped
public class RuleRuntimeReadiness implements HealthCheck {

    static final String NAMESPACE = "https://outlay.dev/rules/spend-policy";
    static final String MODEL = "SpendPolicy";

    @Inject
    DecisionModels decisionModels;

    private volatile boolean verified;

    @Override
    public HealthCheckResponse call() {
        if (!verified) {
            try {
                DecisionModel model = decisionModels.getDecisionModel(NAMESPACE, MODEL);
                DMNResult result = model.evaluateAll(model.newContext(Map.of(
                        "resourceClass", "standard", "environment", "dev", "amount", BigDecimal.ONE,
                        "budgetRemaining", BigDecimal.TEN, "forecastOverrunPct", BigDecimal.ZERO, "owner", "platform")));
                verified = !result.hasErrors();
            } catch (RuntimeException e) {
                return HealthCheckResponse.named("rule-runtime").down().withData("error", String.valueOf(e.getMessage())).build();
            }
        }
        return HealthCheckResponse.named("rule-runtime").status(verified).build();
    }
}
