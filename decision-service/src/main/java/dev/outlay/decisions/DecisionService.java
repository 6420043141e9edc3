/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The decision API for REST and for in-process callers (allocation, anomaly and policy code): evaluate a rule set's
 * active or given version, log every evaluation, replay a logged decision, measure a draft's impact on history.
 */
@ApplicationScoped
public class DecisionService {

    @Inject
    RuleRuntime runtime;

    @Inject
    DecisionLog log;

    /** Evaluates and logs one decision. Inputs: model input names to JSON-like values (numbers become BigDecimal). */
    public DecisionRecord evaluate(String ruleSet, String version, Map<String, Object> inputs) {
        RuleVersion v = runtime.resolve(ruleSet, version);
        return evaluate(ruleSet, v, runtime.compiled(v), inputs);
    }

    @SuppressWarnings("unchecked")
    private DecisionRecord evaluate(String ruleSet, RuleVersion v, CompiledVersion compiled, Map<String, Object> inputs) {
        Map<String, Object> in = (Map<String, Object>) CanonicalJson.normalize(inputs);
        check(compiled, in);
        Map<String, Object> out = run(compiled, in);
        DecisionRecord record = new DecisionRecord(UUID.randomUUID(), ruleSet, v.hash(), CanonicalJson.write(in),
                CanonicalJson.write(out), caller(), now(), null, null);
        log.append(List.of(record));
        return record;
    }

    /**
     * For the service's own callers, which know more facts than an older version may take: offers every fact and
     * passes only those the resolved version declares, so a tenant whose active version predates a new input keeps
     * working. Declared inputs the caller cannot offer still fail the contract check.
     */
    public DecisionRecord evaluateOffered(String ruleSet, String version, Map<String, Object> offered) {
        RuleVersion v = runtime.resolve(ruleSet, version);
        CompiledVersion compiled = runtime.compiled(v);
        List<InputContract.Field> declared = compiled.inputs().fields();
        if (declared == null) return evaluate(ruleSet, v, compiled, offered);
        Map<String, Object> taken = new java.util.HashMap<>();
        for (InputContract.Field f : declared) {
            if (offered.containsKey(f.name())) taken.put(f.name(), offered.get(f.name()));
        }
        return evaluate(ruleSet, v, compiled, taken);
    }

    /** Result of a bulk run: one output per input row (same order), computed and logged once per distinct input. */
    public record BulkResult(UUID runId, String ruleSet, String versionHash, int rows, int distinctInputs,
                             List<Map<String, Object>> outputs, List<UUID> decisionIds) {
    }

    /**
     * Evaluates many rows under one version resolved once at the start (a publish during the run does not split it).
     * Rows with the same inputs share one evaluation and one log record (with its row count) under the run id.
     */
    public BulkResult evaluateBulk(String ruleSet, String version, List<Map<String, Object>> rows) {
        return evaluateBulk(ruleSet, version, rows, done -> { });
    }

    /** As above; {@code rowsDone} hears how many rows are decided so far, for callers that show progress. */
    public BulkResult evaluateBulk(String ruleSet, String version, List<Map<String, Object>> rows, java.util.function.IntConsumer rowsDone) {
        return bulk(ruleSet, version, rows, rowsDone, (compiled, i, in) -> run(compiled, in));
    }

    /**
     * Logs a bulk run whose rows an offloaded engine (the Spark allocation job) evaluated under the same stored version:
     * {@code outputs} holds its answer per row, same order. The inputs pass the version's contract check here as they
     * would in {@link #evaluateBulk}, and the records are the ones that method writes, so replay re-evaluates them in
     * the service and shows whether the offloaded engine reproduced the version's answer.
     */
    public BulkResult logBulk(String ruleSet, String version, List<Map<String, Object>> rows, List<Map<String, Object>> outputs) {
        if (rows.size() != outputs.size()) throw new IllegalArgumentException("one output per row is required");
        return bulk(ruleSet, version, rows, done -> { }, (compiled, i, in) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> out = (Map<String, Object>) CanonicalJson.normalize(outputs.get(i));
            return out;
        });
    }

    private interface RowEvaluator {
        Map<String, Object> evaluate(CompiledVersion compiled, int row, Map<String, Object> inputs);
    }

    @SuppressWarnings("unchecked")
    private BulkResult bulk(String ruleSet, String version, List<Map<String, Object>> rows, java.util.function.IntConsumer rowsDone,
                            RowEvaluator evaluator) {
        RuleVersion v = runtime.resolve(ruleSet, version);
        CompiledVersion compiled = runtime.compiled(v);
        UUID runId = UUID.randomUUID();
        Map<String, DecisionRecord> byInput = new LinkedHashMap<>();
        Map<String, Map<String, Object>> outputsByInput = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        List<String> keys = new ArrayList<>(rows.size());
        String caller = caller();
        Instant at = now();
        for (int i = 0; i < rows.size(); i++) {
            rowsDone.accept(i);
            Map<String, Object> in = (Map<String, Object>) CanonicalJson.normalize(rows.get(i));
            String key = CanonicalJson.write(in);
            keys.add(key);
            counts.merge(key, 1, Integer::sum);
            if (byInput.containsKey(key)) continue;
            List<Problem.Fault> faults = compiled.inputs().check(in);
            if (!faults.isEmpty()) {
                int row = i;
                throw ProblemException.unprocessable("Row " + i + " does not fit the input contract of " + v.hash(),
                        faults.stream().map(f -> new Problem.Fault(f.message(), "rows[" + row + "]." + f.field(), null, null, null)).toList());
            }
            Map<String, Object> out = evaluator.evaluate(compiled, i, in);
            outputsByInput.put(key, out);
            byInput.put(key, new DecisionRecord(UUID.randomUUID(), ruleSet, v.hash(), key, CanonicalJson.write(out), caller, at,
                    runId, null));
        }
        rowsDone.accept(rows.size());
        List<DecisionRecord> records = byInput.values().stream().map(r -> new DecisionRecord(r.id(), r.ruleSet(), r.versionHash(),
                r.inputs(), r.outputs(), r.caller(), r.at(), r.runId(), counts.get(r.inputs()))).toList();
        log.append(records);
        List<Map<String, Object>> outputs = keys.stream().map(outputsByInput::get).toList();
        List<UUID> ids = keys.stream().map(k -> byInput.get(k).id()).toList();
        return new BulkResult(runId, ruleSet, v.hash(), rows.size(), byInput.size(), outputs, ids);
    }

    /** The hash of the rule set's active version (409 when none is published). */
    public String activeVersion(String ruleSet) {
        return runtime.resolve(ruleSet, null).hash();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReplayResult(UUID decisionId, String ruleSet, String loggedVersion, @JsonRawValue String loggedOutputs,
                               boolean reproduced, List<OutputDiff.Change> reproductionDiff, String against,
                               @JsonRawValue String againstOutputs, boolean changed, List<OutputDiff.Change> diff,
                               List<ValidationMessage> againstErrors, String loggedEngine, String currentEngine) {
    }

    /**
     * Re-evaluates a logged decision under its own version (it must reproduce the logged outputs byte for byte) and
     * under {@code against} (default: today's active version), with a field-by-field diff from logged to target.
     */
    public ReplayResult replay(UUID decisionId, String against) {
        DecisionRecord d = log.find(decisionId).orElseThrow(() -> ProblemException.notFound("No decision " + decisionId + "."));
        Map<String, Object> inputs = d.inputValues();
        RuleVersion logged = runtime.resolve(d.ruleSet(), d.versionHash());
        String loggedEngine = logged.engineVersion();
        Map<String, Object> replayed = run(runtime.compiled(logged), inputs);
        String replayedJson = CanonicalJson.write(replayed);
        boolean reproduced = replayedJson.equals(d.outputs());
        List<OutputDiff.Change> reproductionDiff = reproduced ? null : OutputDiff.between(d.outputValues(), replayed);

        RuleVersion target = runtime.resolve(d.ruleSet(), against);
        CompiledVersion targetCompiled = runtime.compiled(target);
        List<Problem.Fault> faults = targetCompiled.inputs().check(inputs);
        if (!faults.isEmpty()) {
            List<ValidationMessage> errs = faults.stream().map(f -> ValidationMessage.error("INPUT_CONTRACT",
                    f.field() + ": " + f.message(), null, null, null)).toList();
            return new ReplayResult(d.id(), d.ruleSet(), d.versionHash(), d.outputs(), reproduced, reproductionDiff, target.hash(),
                    null, true, null, errs, loggedEngine, EngineVersion.VALUE);
        }
        try {
            Map<String, Object> targetOut = targetCompiled.evaluate(inputs);
            List<OutputDiff.Change> diff = OutputDiff.between(d.outputValues(), targetOut);
            return new ReplayResult(d.id(), d.ruleSet(), d.versionHash(), d.outputs(), reproduced, reproductionDiff, target.hash(),
                    CanonicalJson.write(targetOut), !diff.isEmpty(), diff, null, loggedEngine, EngineVersion.VALUE);
        } catch (CompiledVersion.EvaluationException e) {
            return new ReplayResult(d.id(), d.ruleSet(), d.versionHash(), d.outputs(), reproduced, reproductionDiff, target.hash(),
                    null, true, null, e.messages(), loggedEngine, EngineVersion.VALUE);
        }
    }

    public record ImpactChange(UUID decisionId, String loggedVersion, List<OutputDiff.Change> diff, List<ValidationMessage> errors) {
    }

    /** {@code evaluated/changed/...} count logged decisions; {@code rows*} weight bulk records by the rows they stood for. */
    public record Impact(String ruleSet, String candidate, int evaluated, int changed, int unchanged, int failed,
                         long rowsEvaluated, long rowsChanged, Map<String, Map<String, Integer>> byField, List<ImpactChange> examples) {
    }

    /**
     * How a candidate version would have decided the last {@code limit} logged decisions of its rule set (or those
     * in [from, to)): counts, per changed field the "before -> after" transitions, and up to 50 examples.
     */
    public Impact impact(String ruleSet, String candidate, Instant from, Instant to, int limit) {
        RuleVersion v = runtime.resolve(ruleSet, candidate);
        CompiledVersion compiled = runtime.compiled(v);
        List<DecisionRecord> history = log.list(ruleSet, from, to, null, limit);
        int changed = 0, failed = 0;
        long rows = 0, rowsChanged = 0;
        Map<String, Map<String, Integer>> byField = new TreeMap<>();
        List<ImpactChange> examples = new ArrayList<>();
        for (DecisionRecord d : history) {
            int weight = d.rowCount() == null ? 1 : d.rowCount();
            rows += weight;
            Map<String, Object> inputs = d.inputValues();
            List<Problem.Fault> faults = compiled.inputs().check(inputs);
            List<ValidationMessage> errors = null;
            List<OutputDiff.Change> diff = null;
            if (!faults.isEmpty()) {
                errors = faults.stream().map(f -> ValidationMessage.error("INPUT_CONTRACT", f.field() + ": " + f.message(), null, null, null)).toList();
            } else {
                try {
                    diff = OutputDiff.between(d.outputValues(), compiled.evaluate(inputs));
                } catch (CompiledVersion.EvaluationException e) {
                    errors = e.messages();
                }
            }
            if (errors != null) {
                failed++;
                if (examples.size() < 50) examples.add(new ImpactChange(d.id(), d.versionHash(), null, errors));
            } else if (!diff.isEmpty()) {
                changed++;
                rowsChanged += weight;
                for (OutputDiff.Change c : diff) {
                    byField.computeIfAbsent(c.path(), k -> new TreeMap<>())
                            .merge(CanonicalJson.write(c.before()) + " -> " + CanonicalJson.write(c.after()), 1, Integer::sum);
                }
                if (examples.size() < 50) examples.add(new ImpactChange(d.id(), d.versionHash(), diff, null));
            }
        }
        return new Impact(ruleSet, v.hash(), history.size(), changed, history.size() - changed - failed, failed, rows, rowsChanged,
                byField, examples);
    }

    private static void check(CompiledVersion compiled, Map<String, Object> inputs) {
        List<Problem.Fault> faults = compiled.inputs().check(inputs);
        if (!faults.isEmpty()) {
            throw ProblemException.unprocessable("The inputs do not fit the input contract of version " + compiled.hash(), faults);
        }
    }

    private static Map<String, Object> run(CompiledVersion compiled, Map<String, Object> inputs) {
        try {
            return compiled.evaluate(inputs);
        } catch (CompiledVersion.EvaluationException e) {
            throw ProblemException.unprocessable(e.getMessage(), e.messages().stream().map(ValidationMessage::toFault).toList());
        }
    }

    private static String caller() {
        return TenantContext.caller().map(Caller::subject).orElse("system");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
