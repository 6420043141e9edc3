/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;

import java.util.Map;
import java.util.TreeMap;

/** A compiled DMN version: outputs are every decision's result, keyed by decision name. */
public record CompiledDmn(String hash, DMNRuntime runtime, DMNModel model, InputContract inputs) implements CompiledVersion {

    @Override
    public RuleKind kind() {
        return RuleKind.DMN;
    }

    @Override
    public Map<String, Object> evaluate(Map<String, Object> inputs) {
        DMNContext ctx = runtime.newContext();
        inputs.forEach((name, value) -> ctx.set(name, this.inputs.coerce(name, value)));
        DMNResult result = runtime.evaluateAll(model, ctx);
        if (result.hasErrors()) {
            throw new EvaluationException("The model could not decide on these inputs",
                    result.getMessages(DMNMessage.Severity.ERROR).stream().map(DmnCompiler::toMessage).toList());
        }
        Map<String, Object> out = new TreeMap<>();
        for (DMNDecisionResult r : result.getDecisionResults()) {
            out.put(r.getDecisionName(), CanonicalJson.normalize(r.getResult()));
        }
        return out;
    }
}
