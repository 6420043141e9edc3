/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.carbon.FactorSet;
import dev.outlay.carbon.FactorSetCheck;
import dev.outlay.carbon.InvalidFactorSetException;
import dev.outlay.tenancy.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled factor sets (classpath {@code carbon/}, transcribed from CCF) and the tenant's stored ones. The default
 * is the tenant's newest stored set, else the newest bundled one. Older bundled sets stay resolvable by version, so a
 * report computed before a newer set shipped is recomputed to the same bytes with {@code factorSet=<its version>}.
 */
@ApplicationScoped
public class FactorSets {

    /** Oldest first; the last is the default. Never remove or edit one: published reports name their versions. */
    static final List<String> BUNDLED_RESOURCES = List.of("carbon/ccf-b7a049c7.json", "carbon/ccf-b7a049c7-gpu.json");

    @Inject
    ObjectMapper mapper;

    @Inject
    FactorSetStore store;

    @Inject
    AuditLog audit;

    private FactorSetJson json;
    /** By version, oldest first. */
    private final Map<String, FactorSet> bundled = new java.util.LinkedHashMap<>();
    private String bundledVersion;

    /** A resolved set and its version, what a report names. */
    public record Resolved(FactorSetSummary summary, FactorSet factors) {
    }

    public record Stored(FactorSetDetail set, boolean created) {
    }

    @PostConstruct
    void load() {
        json = new FactorSetJson(mapper);
        for (String resource : BUNDLED_RESOURCES) {
            try (InputStream in = FactorSets.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("bundled factor set " + resource + " is missing");
                FactorSet set = FactorSetCheck.check(json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                bundledVersion = FactorSetJson.sha256(json.canonical(set));
                bundled.put(bundledVersion, set);
            } catch (IOException e) {
                throw new IllegalStateException("could not read the bundled factor set " + resource, e);
            }
        }
    }

    /** Versions of the bundled sets, oldest first. */
    public List<String> bundledVersions() {
        return List.copyOf(bundled.keySet());
    }

    public String bundledVersion() {
        return bundledVersion;
    }

    public List<FactorSetSummary> list() {
        List<FactorSetStore.Stored> stored = store.list();
        List<FactorSetSummary> out = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) out.add(summary(stored.get(i), i == 0));
        List<String> versions = new ArrayList<>(bundled.keySet());
        java.util.Collections.reverse(versions);
        for (String v : versions) {
            if (stored.stream().noneMatch(s -> s.version().equals(v))) out.add(bundledSummary(v, stored.isEmpty() && v.equals(bundledVersion)));
        }
        return out;
    }

    public FactorSetDetail get(String version) {
        Resolved r = resolve(version).orElseThrow(() -> ProblemException.notFound("No carbon factor set " + version + "."));
        return new FactorSetDetail(r.summary(), r.factors());
    }

    /** The named version, or the default when {@code version} is null; empty when the tenant has no such version. */
    public Optional<Resolved> resolve(String version) {
        List<FactorSetStore.Stored> stored = store.list();
        String wanted = version != null ? version : stored.isEmpty() ? bundledVersion : stored.get(0).version();
        for (int i = 0; i < stored.size(); i++) {
            FactorSetStore.Stored s = stored.get(i);
            if (s.version().equals(wanted)) return Optional.of(new Resolved(summary(s, i == 0), json.read(s.canonicalJson())));
        }
        FactorSet b = bundled.get(wanted);
        if (b != null) return Optional.of(new Resolved(bundledSummary(wanted, stored.isEmpty() && wanted.equals(bundledVersion)), b));
        return Optional.empty();
    }

    /** Stores the set unless the same content is stored already; storing makes it the default. */
    @Transactional
    public Stored put(String body) {
        FactorSet set = json.parse(body);
        try {
            FactorSetCheck.check(set);
        } catch (InvalidFactorSetException e) {
            throw ProblemException.unprocessable("The factor set is not valid.",
                    e.faults().stream().map(f -> Problem.Fault.at(f.field(), f.message())).toList());
        }
        String canonical = json.canonical(set);
        String version = FactorSetJson.sha256(canonical);
        boolean created = store.find(version).isEmpty();
        if (created) {
            String actor = TenantContext.caller().orElseThrow().subject();
            store.insert(new FactorSetStore.Stored(version, set.name(), set.source(), set.publishedOn(), set.retrievedOn(), set.note(),
                    canonical, actor, Instant.now().truncatedTo(ChronoUnit.MICROS)));
            audit.record("carbon.factor_set.store", "carbon_factor_set", version, null,
                    Map.of("version", version, "name", set.name(), "publishedOn", set.publishedOn().toString()));
        }
        return new Stored(get(version), created);
    }

    private static FactorSetSummary summary(FactorSetStore.Stored s, boolean isDefault) {
        return new FactorSetSummary(s.version(), s.name(), s.source(), s.publishedOn(), s.retrievedOn(), s.note(), false, isDefault,
                s.createdBy(), s.createdAt());
    }

    private FactorSetSummary bundledSummary(String version, boolean isDefault) {
        FactorSet b = bundled.get(version);
        return new FactorSetSummary(version, b.name(), b.source(), b.publishedOn(), b.retrievedOn(), b.note(), true, isDefault, null, null);
    }
}
