/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bundled rule set (DMN and DRL) compiles through the service's own compilers and passes its golden scenarios
 * through {@link GoldenScenarios}, the check publish runs: a bundled version a tenant re-publishes must be accepted.
 */
class BundledRuleSetGoldenTest {

    @Test
    void everyBundledRuleSetPassesItsGoldenScenariosAsPublishRunsThem() {
        List<String> failures = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (BundledRuleSets.Bundled b : BundledRuleSets.all()) {
            names.add(b.name());
            String hash = ContentHash.sha256(b.content());
            CompiledVersion compiled = b.kind() == RuleKind.DMN ? DmnCompiler.validateAndCompile(hash, b.content()).compiled()
                    : DrlCompiler.validateAndCompile(hash, b.content()).compiled();
            assertTrue(b.scenarios().length() > 2, b.name() + " has no golden scenarios");
            failures.addAll(GoldenScenarios.run(compiled, b.scenarios(), b.name()));
        }
        assertTrue(names.containsAll(List.of("finding-profiles", "waste-rightsizing", "architectural-inefficiency")), names.toString());
        assertEquals(List.of(), failures);
    }
}
