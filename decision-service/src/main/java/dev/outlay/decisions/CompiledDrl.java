/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A compiled DRL version; a fresh stateless session per evaluation (sessions and their globals are not shared). */
public record CompiledDrl(String hash, KieBase kieBase) implements CompiledVersion {

    @Override
    public RuleKind kind() {
        return RuleKind.DRL;
    }

    @Override
    public InputContract inputs() {
        return InputContract.open();
    }

    @Override
    public Map<String, Object> evaluate(Map<String, Object> inputs) {
        Map<String, Object> outputs = new HashMap<>();
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal(DrlCompiler.OUTPUTS_GLOBAL, outputs);
        try {
            session.execute(new HashMap<>(inputs));
        } catch (RuntimeException e) {
            throw new EvaluationException("The rules failed on these inputs", java.util.List.of(
                    ValidationMessage.error("DRL_RUNTIME", String.valueOf(e.getMessage()), null, null, null)));
        }
        Map<String, Object> out = new TreeMap<>();
        outputs.forEach((k, v) -> out.put(k, CanonicalJson.normalize(v)));
        return out;
    }
}
