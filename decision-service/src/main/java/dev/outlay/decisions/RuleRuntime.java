/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves rule versions to compiled, runnable form: the compiled-version cache, the active pointer, and making
 * sure every tenant has the bundled rule sets (seeded when a tenant is created, and lazily for tenants that existed
 * before a rule set was bundled).
 */
@ApplicationScoped
public class RuleRuntime {

    private static final Logger LOG = Logger.getLogger(RuleRuntime.class);
    public static final String BUNDLED_AUTHOR = "outlay";

    @Inject
    RuleSetStore store;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "outlay.decisions.cache-size", defaultValue = "128")
    int cacheSize;

    private volatile CompiledVersionCache cache;
    private final Set<String> seededTenants = ConcurrentHashMap.newKeySet();

    public CompiledVersionCache cache() {
        if (cache == null) {
            synchronized (this) {
                if (cache == null) cache = new CompiledVersionCache(cacheSize);
            }
        }
        return cache;
    }

    /** The version, compiled (from the cache, or from its stored text). */
    public CompiledVersion compiled(RuleVersion version) {
        CompiledVersion hit = cache().lookup(version.hash());
        if (hit != null) return hit;
        String content = content(version);
        CompiledVersion compiled = cache().get(version.hash(), version.kind(), () -> content);
        if (version.active()) cache().pin(compiled);
        return compiled;
    }

    /** The stored text (DMN XML or DRL) of a version, for an engine outside the service that compiles it itself. */
    public String content(RuleVersion version) {
        return version.content() != null ? version.content()
                : store.version(version.ruleSet(), version.hash()).orElseThrow().content();
    }

    /** A version by hash, or the active one when {@code hash} is null; 404/409 problems otherwise. */
    public RuleVersion resolve(String ruleSet, String hash) {
        ensureBundled();
        RuleSetInfo info = store.find(ruleSet).orElseThrow(() -> ProblemException.notFound("No rule set named " + ruleSet + "."));
        if (hash == null || hash.isBlank()) {
            if (info.activeHash() == null) throw ProblemException.conflict("Rule set " + ruleSet + " has no published version.");
            hash = info.activeHash();
        }
        String h = hash;
        return store.version(ruleSet, h).orElseThrow(() -> ProblemException.notFound("Rule set " + ruleSet + " has no version " + h + "."));
    }

    void onTenantCreated(@Observes TenantRegistry.TenantCreated created) {
        ensureBundled();
    }

    /** Idempotent; the advisory lock keeps two first requests of a tenant from seeding twice. */
    public void ensureBundled() {
        String tenant = TenantContext.requireTenant();
        if (seededTenants.contains(tenant)) return;
        seed(tenant);
        seededTenants.add(tenant);
    }

    @Transactional
    void seed(String tenant) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('rulesets:' || ?))")) {
            lock.setString(1, tenant);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock rule-set seeding", e);
        }
        for (BundledRuleSets.Bundled b : BundledRuleSets.all()) {
            if (store.find(b.name()).isPresent()) continue;
            String hash = ContentHash.sha256(b.content());
            store.create(b.name(), b.kind(), true);
            store.insertVersion(new RuleVersion(b.name(), hash, b.kind(), RuleVersion.PUBLISHED, true, null, BUNDLED_AUTHOR,
                    Instant.now().truncatedTo(ChronoUnit.MICROS), "bundled version 1", EngineVersion.VALUE, List.of(), b.content()));
            store.setActive(b.name(), hash);
            store.appendActivation(b.name(), "publish", hash, null, BUNDLED_AUTHOR);
            LOG.infof("tenant %s: seeded bundled rule set %s as %s", tenant, b.name(), hash.substring(0, 12));
        }
    }
}
