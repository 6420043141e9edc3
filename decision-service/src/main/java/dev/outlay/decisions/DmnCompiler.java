/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.feel.runtime.events.FEELEvent;
import org.kie.dmn.core.compiler.RuntimeTypeCheckOption;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.dmn.feel.FEEL;
import org.kie.dmn.model.api.DMNModelInstrumentedBase;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;
import org.kie.internal.io.ResourceFactory;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates and compiles DMN at run time (plain kie-dmn-core, FEEL interpreted, no code generation). Validation
 * covers what the engine alone misses: the validator's decision-table analysis (overlaps in UNIQUE tables only
 * show up at evaluation otherwise) and a static check that constant output entries fit their column's type and
 * allowed values (the compiler accepts a string in a number column).
 */
public final class DmnCompiler {

    private static DMNValidator validator;

    private DmnCompiler() {
    }

    /** Full save-time check. Throws {@link InvalidRuleVersionException} with every error; returns warnings. */
    public static Validated validateAndCompile(String hash, String xml) {
        SafeXml.parse(xml);
        List<ValidationMessage> messages = new ArrayList<>(validate(xml));
        CompiledDmn compiled = null;
        if (messages.stream().noneMatch(ValidationMessage::isError)) {
            try {
                compiled = compile(hash, xml);
                messages.addAll(checkOutputEntries(compiled.model()));
            } catch (InvalidRuleVersionException e) {
                messages.addAll(e.messages());
            }
        }
        List<ValidationMessage> unique = dedupe(messages);
        if (compiled == null || unique.stream().anyMatch(ValidationMessage::isError)) {
            throw new InvalidRuleVersionException("The DMN model has errors", unique);
        }
        return new Validated(compiled, unique);
    }

    public record Validated(CompiledDmn compiled, List<ValidationMessage> messages) {
    }

    static synchronized List<ValidationMessage> validate(String xml) {
        if (validator == null) validator = DMNValidatorFactory.newValidator();
        List<DMNMessage> found = validator.validateUsing(
                DMNValidator.Validation.VALIDATE_SCHEMA,
                DMNValidator.Validation.VALIDATE_MODEL,
                DMNValidator.Validation.VALIDATE_COMPILATION,
                DMNValidator.Validation.ANALYZE_DECISION_TABLE).theseModels(new StringReader(xml));
        return found.stream().map(DmnCompiler::toMessage).toList();
    }

    /** Compiles one model with run-time type checking on (results of the wrong type fail instead of leaking). */
    public static CompiledDmn compile(String hash, String xml) {
        Resource resource = ResourceFactory.newReaderResource(new StringReader(xml), "UTF-8");
        resource.setSourcePath(hash + ".dmn");
        DMNRuntime runtime;
        try {
            runtime = DMNRuntimeBuilder.fromDefaults()
                    .setOption(new RuntimeTypeCheckOption(true))
                    .buildConfiguration()
                    .fromResources(List.of(resource))
                    .getOrElseThrow(e -> new IllegalStateException(e.getMessage(), e));
        } catch (RuntimeException e) {
            throw new InvalidRuleVersionException("The DMN model does not compile",
                    List.of(ValidationMessage.error("DMN_COMPILE", String.valueOf(e.getMessage()), null, null, null)));
        }
        if (runtime.getModels().size() != 1) {
            throw new InvalidRuleVersionException("A rule version holds exactly one DMN model", List.of(ValidationMessage.error(
                    "DMN_MODEL_COUNT", "expected one model, found " + runtime.getModels().size(), null, null, null)));
        }
        DMNModel model = runtime.getModels().get(0);
        if (model.hasErrors()) {
            throw new InvalidRuleVersionException("The DMN model does not compile",
                    model.getMessages(DMNMessage.Severity.ERROR).stream().map(DmnCompiler::toMessage).toList());
        }
        Map<String, DMNType> inputs = new LinkedHashMap<>();
        model.getInputs().forEach(in -> inputs.put(in.getName(), in.getType()));
        return new CompiledDmn(hash, runtime, model, InputContract.dmn(inputs));
    }

    /** Constant output entries (literals such as "block" or 48) must fit their output column's type. */
    static List<ValidationMessage> checkOutputEntries(DMNModel model) {
        List<ValidationMessage> out = new ArrayList<>();
        FEEL feel = org.kie.dmn.feel.lang.impl.FEELBuilder.builder().build();
        Map<String, Object> constants = new java.util.HashMap<>();
        for (DecisionNode node : model.getDecisions()) {
            if (!(node.getDecision().getExpression() instanceof DecisionTable table)) continue;
            DMNType result = node.getResultType();
            List<OutputClause> outputs = table.getOutput();
            for (int col = 0; col < outputs.size(); col++) {
                OutputClause clause = outputs.get(col);
                DMNType type = outputs.size() == 1 ? result
                        : result != null && result.isComposite() ? result.getFields().get(clause.getName()) : null;
                if (type == null) continue;
                int rowNo = 0;
                for (DecisionRule rule : table.getRule()) {
                    rowNo++;
                    if (col >= rule.getOutputEntry().size()) continue;
                    LiteralExpression entry = rule.getOutputEntry().get(col);
                    String text = entry.getText() == null ? "" : entry.getText().trim();
                    if (text.isEmpty() || text.equals("null")) continue;
                    // Tables repeat the same few literals; evaluate each distinct text once.
                    Object value = constants.computeIfAbsent(text, t -> constantValue(feel, t));
                    if (value == NOT_CONSTANT) continue;
                    if (!type.isAssignableValue(value) || !fitsBuiltin(type, value)) {
                        String column = clause.getName() == null ? node.getName() : clause.getName();
                        out.add(ValidationMessage.error("DECISION_TABLE_OUTPUT_TYPE",
                                "Decision table '" + node.getName() + "' rule " + rowNo + " (" + rowId(rule) + "), output '" + column
                                        + "': " + text + " is not a valid " + type.getName(),
                                entry.getId() != null ? entry.getId() : rule.getId(), line(entry), null));
                    }
                }
            }
        }
        return out;
    }

    private static final Object NOT_CONSTANT = new Object();

    /** The value of a constant FEEL expression, or NOT_CONSTANT when it needs variables (or is null / invalid). */
    private static Object constantValue(FEEL feel, String text) {
        List<FEELEvent> problems = new ArrayList<>();
        org.kie.dmn.api.feel.runtime.events.FEELEventListener listener = problems::add;
        feel.addListener(listener);
        try {
            Object value = feel.evaluate(text);
            boolean constant = problems.stream().noneMatch(p -> p.getSeverity() == FEELEvent.Severity.ERROR);
            return constant && value != null ? value : NOT_CONSTANT;
        } finally {
            feel.removeListener(listener);
        }
    }

    private static boolean fitsBuiltin(DMNType type, Object value) {
        return switch (InputContract.baseName(type)) {
            case "number" -> value instanceof java.math.BigDecimal;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            default -> true;
        };
    }

    private static String rowId(DecisionRule rule) {
        return rule.getId() == null ? "no id" : "id " + rule.getId();
    }

    private static Integer line(Object source) {
        if (source instanceof DMNModelInstrumentedBase b && b.getLocation() != null && b.getLocation().getLineNumber() > 0) {
            return b.getLocation().getLineNumber();
        }
        return null;
    }

    static ValidationMessage toMessage(DMNMessage m) {
        ValidationMessage.Severity severity = switch (m.getSeverity()) {
            case ERROR -> ValidationMessage.Severity.ERROR;
            case WARN -> ValidationMessage.Severity.WARNING;
            default -> ValidationMessage.Severity.INFO;
        };
        Integer line = m.getLine() > 0 ? Integer.valueOf(m.getLine()) : line(m.getSourceReference());
        Integer column = m.getColumn() > 0 ? Integer.valueOf(m.getColumn()) : null;
        return new ValidationMessage(severity, m.getMessageType() == null ? null : m.getMessageType().name(),
                m.getText() != null ? m.getText() : m.getMessage(), m.getSourceId(), line, column);
    }

    private static List<ValidationMessage> dedupe(List<ValidationMessage> messages) {
        Set<String> seen = new LinkedHashSet<>();
        List<ValidationMessage> out = new ArrayList<>();
        for (ValidationMessage m : messages) {
            if (seen.add(m.severity() + "|" + m.message())) out.add(m);
        }
        return out;
    }
}
