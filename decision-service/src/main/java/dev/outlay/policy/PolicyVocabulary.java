/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.policy;

import dev.outlay.api.problem.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The values the spend policy understands (the allowed values of the DMN input types). Checked before evaluation so
 * a typo is a 4xx naming the field, not a silent "allow" from the catch-all row.
 */
public final class PolicyVocabulary {

    public static final Set<String> RESOURCE_CLASSES = Set.of("standard", "gpu", "large-instance", "new-region", "marketplace", "saas");
    public static final Set<String> ENVIRONMENTS = Set.of("prod", "staging", "dev", "sandbox");

    private PolicyVocabulary() {
    }

    public static List<Problem.Fault> check(String resourceClass, String environment, BigDecimal amount) {
        List<Problem.Fault> faults = new ArrayList<>();
        if (resourceClass == null || !RESOURCE_CLASSES.contains(resourceClass)) {
            faults.add(Problem.Fault.at("resourceClass", "unknown resource class; one of " + new java.util.TreeSet<>(RESOURCE_CLASSES)));
        }
        if (environment == null || !ENVIRONMENTS.contains(environment)) {
            faults.add(Problem.Fault.at("environment", "unknown environment; one of " + new java.util.TreeSet<>(ENVIRONMENTS)));
        }
        if (amount == null || amount.signum() <= 0) {
            faults.add(Problem.Fault.at("amount", "must be a positive amount"));
        }
        return faults;
    }
}
