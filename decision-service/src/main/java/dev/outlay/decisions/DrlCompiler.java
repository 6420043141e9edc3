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
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.io.ResourceType;
import org.kie.internal.utils.KieHelper;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles DRL text at run time with the classic (mvel) engine: no generated classes, ~10x cheaper to compile than
 * the executable model, and errors come back with line and column. The contract is generic so admins need no Java:
 * the inputs are inserted as one {@code java.util.Map} fact and rules write results into
 * {@code global java.util.Map outputs}.
 */
public final class DrlCompiler {

    public static final String OUTPUTS_GLOBAL = "outputs";

    private DrlCompiler() {
    }

    public static Validated validateAndCompile(String hash, String drl) {
        KieHelper helper = new KieHelper();
        helper.addContent(drl, ResourceType.DRL);
        Results results = helper.verify();
        List<ValidationMessage> messages = new ArrayList<>();
        for (Message m : results.getMessages()) {
            ValidationMessage.Severity severity = switch (m.getLevel()) {
                case ERROR -> ValidationMessage.Severity.ERROR;
                case WARNING -> ValidationMessage.Severity.WARNING;
                default -> ValidationMessage.Severity.INFO;
            };
            messages.add(new ValidationMessage(severity, "DRL_" + m.getLevel().name(), m.getText().strip(), null,
                    m.getLine() > 0 ? m.getLine() : null, m.getColumn() > 0 ? m.getColumn() : null));
        }
        if (messages.stream().anyMatch(ValidationMessage::isError)) {
            throw new InvalidRuleVersionException("The DRL does not compile", messages);
        }
        KieBase kieBase = helper.build();
        boolean hasOutputs = kieBase.getKiePackages().stream().map(KiePackage::getGlobalVariables).flatMap(java.util.Collection::stream)
                .map(Global::getName).anyMatch(OUTPUTS_GLOBAL::equals);
        if (!hasOutputs) {
            messages.add(ValidationMessage.error("DRL_CONTRACT",
                    "A DRL rule set must declare 'global java.util.Map outputs;' and write its results there", null, null, null));
            throw new InvalidRuleVersionException("The DRL does not follow the rule-set contract", messages);
        }
        return new Validated(new CompiledDrl(hash, kieBase), messages);
    }

    public record Validated(CompiledDrl compiled, List<ValidationMessage> messages) {
    }
}
