/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Authoring lifecycle of rule versions: save a validated draft, publish (golden scenarios, pointer move), retire. */
@ApplicationScoped
public class RuleSetService {

    public static final String NAME_PATTERN = "^[a-z0-9][a-z0-9-]{0,62}$";

    @Inject
    RuleSetStore store;

    @Inject
    RuleRuntime runtime;

    @Inject
    AuditLog audit;

    public record Saved(RuleVersion version, boolean created, List<ValidationMessage> warnings) {
    }

    public List<RuleSetInfo> list() {
        runtime.ensureBundled();
        return store.list();
    }

    public RuleSetInfo info(String name) {
        runtime.ensureBundled();
        return store.find(name).orElseThrow(() -> ProblemException.notFound("No rule set named " + name + "."));
    }

    public List<RuleVersion> versions(String name) {
        info(name);
        return store.versions(name);
    }

    public RuleVersion version(String name, String hash) {
        info(name);
        return store.version(name, hash).orElseThrow(() -> ProblemException.notFound("Rule set " + name + " has no version " + hash + "."));
    }

    public List<RuleSetStore.Activation> activations(String name) {
        info(name);
        return store.activations(name);
    }

    /**
     * Validates and stores a draft. Identical (canonical) content returns the existing version. An invalid draft
     * throws {@link InvalidRuleVersionException} and nothing is written.
     */
    @Transactional
    public Saved saveDraft(String name, String content, RuleKind kind, String note, String parent) {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw ProblemException.unprocessable("Rule set names are lower-case words joined by '-'",
                    List.of(Problem.Fault.at("name", "must match " + NAME_PATTERN)));
        }
        if (content == null || content.isBlank()) {
            throw ProblemException.unprocessable("The version has no content", List.of(Problem.Fault.at("content", "empty")));
        }
        runtime.ensureBundled();
        String canonical = ContentHash.canonicalize(content);
        String hash = ContentHash.sha256(canonical);
        RuleKind k = kind != null ? kind : RuleKind.sniff(canonical);
        Optional<RuleSetInfo> existing = store.find(name);
        if (existing.isPresent() && existing.get().kind() != k) {
            throw ProblemException.unprocessable("Rule set " + name + " is " + existing.get().kind() + ", not " + k,
                    List.of(Problem.Fault.at("kind", "expected " + existing.get().kind())));
        }
        Optional<RuleVersion> same = existing.isPresent() ? store.version(name, hash) : Optional.empty();
        if (same.isPresent()) {
            return new Saved(same.get().withoutContent(), false, same.get().messages());
        }
        List<ValidationMessage> messages;
        CompiledVersion compiled;
        if (k == RuleKind.DMN) {
            DmnCompiler.Validated v = DmnCompiler.validateAndCompile(hash, canonical);
            messages = v.messages();
            compiled = v.compiled();
        } else {
            DrlCompiler.Validated v = DrlCompiler.validateAndCompile(hash, canonical);
            messages = v.messages();
            compiled = v.compiled();
        }
        String parentHash = parent;
        if (parentHash != null && !parentHash.isBlank()) {
            parentHash = store.version(name, parentHash).map(RuleVersion::hash).orElseThrow(() -> ProblemException.unprocessable(
                    "Unknown parent version", List.of(Problem.Fault.at("parent", "no such version of " + name))));
        } else {
            parentHash = existing.map(RuleSetInfo::activeHash).orElse(null);
        }
        if (existing.isEmpty()) store.create(name, k, false);
        String author = TenantContext.caller().map(c -> c.subject()).orElse("system");
        RuleVersion version = new RuleVersion(name, hash, k, RuleVersion.DRAFT, false, parentHash, author,
                Instant.now().truncatedTo(ChronoUnit.MICROS), note, EngineVersion.VALUE, messages, canonical);
        store.insertVersion(version);
        audit.record("ruleset.draft.saved", "rule_set", name, parentHash == null ? null : Map.of("parent", parentHash),
                Map.of("hash", hash, "status", RuleVersion.DRAFT, "kind", k.name()));
        runtime.cache().put(compiled);
        return new Saved(version.withoutContent(), true, messages.stream().filter(m -> !m.isError()).toList());
    }

    /**
     * Makes a version the active one. The golden scenarios (bundled ones and the tenant's own) must pass first.
     * A pointer move: evaluations already running keep the compiled version they resolved.
     */
    @Transactional
    public RuleVersion publish(String name, String hash) {
        RuleVersion version = version(name, hash);
        if (RuleVersion.RETIRED.equals(version.status())) {
            throw ProblemException.conflict("Version " + version.hash() + " is retired and cannot be published again.");
        }
        CompiledVersion compiled = runtime.compiled(version);
        List<String> failures = new ArrayList<>();
        BundledRuleSets.find(name).ifPresent(b -> failures.addAll(GoldenScenarios.run(compiled, b.scenarios(), "bundled")));
        failures.addAll(GoldenScenarios.run(compiled, store.scenarios(name), "tenant"));
        if (!failures.isEmpty()) {
            throw ProblemException.unprocessable("Golden scenarios fail under version " + version.hash() + "; it was not published",
                    failures.stream().map(f -> new Problem.Fault(f, "scenarios", null, null, null)).toList());
        }
        Optional<String> previous = store.lockAndGetActive(name);
        if (previous.isPresent() && previous.get().equals(version.hash())) return version(name, version.hash());
        store.setActive(name, version.hash());
        store.setStatus(name, version.hash(), RuleVersion.PUBLISHED);
        String actor = TenantContext.caller().orElseThrow().subject();
        store.appendActivation(name, "publish", version.hash(), previous.orElse(null), actor);
        audit.record("ruleset.publish", "rule_set", name, previous.map(p -> Map.of("active", p)).orElse(null),
                Map.of("active", version.hash()));
        runtime.cache().pin(compiled);
        previous.ifPresent(p -> runtime.cache().unpin(p));
        return version(name, version.hash());
    }

    /** Withdraws a version for good; if it was active the rule set has no active version until the next publish. */
    @Transactional
    public RuleVersion retire(String name, String hash) {
        RuleVersion version = version(name, hash);
        if (RuleVersion.RETIRED.equals(version.status())) return version;
        Optional<String> active = store.lockAndGetActive(name);
        boolean wasActive = active.isPresent() && active.get().equals(version.hash());
        if (wasActive) store.setActive(name, null);
        store.setStatus(name, version.hash(), RuleVersion.RETIRED);
        store.appendActivation(name, "retire", version.hash(), active.orElse(null), TenantContext.caller().orElseThrow().subject());
        audit.record("ruleset.retire", "rule_set", name, Map.of("hash", version.hash(), "status", version.status(), "active", wasActive),
                Map.of("hash", version.hash(), "status", RuleVersion.RETIRED));
        if (wasActive) runtime.cache().unpin(version.hash());
        return version(name, version.hash());
    }

    /** Replaces the tenant's own golden scenarios (run at publish next to the bundled ones). */
    @Transactional
    public void setScenarios(String name, String json) {
        info(name);
        try {
            if (!CanonicalJson.parse(json).isArray()) throw new IllegalArgumentException();
        } catch (Exception e) {
            throw ProblemException.unprocessable("Scenarios are a JSON array of {name, inputs, expect}", List.of());
        }
        String before = store.scenarios(name);
        store.setScenarios(name, json);
        audit.record("ruleset.scenarios", "rule_set", name, Map.of("sha256", ContentHash.sha256(before)),
                Map.of("sha256", ContentHash.sha256(json)));
    }

    public String scenarios(String name) {
        info(name);
        return store.scenarios(name);
    }
}
