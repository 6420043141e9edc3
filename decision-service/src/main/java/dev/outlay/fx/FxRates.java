/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.fx;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.money.FxConverter;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/** Uploading and activating a tenant's rate set (audited in the same transaction), and the converter of the active one. */
@ApplicationScoped
public class FxRates {

    @Inject
    FxRateStore store;

    @Inject
    AuditLog audit;

    public record Uploaded(FxRateSet set, boolean created) {
    }

    /**
     * Stores the set unless the same content is stored already, and makes it the active one. Uploading the content
     * of an older set activates that set again (same hash); uploading the active set changes nothing.
     */
    @Transactional
    public Uploaded upload(FxRateSetInput in) {
        if (in == null) throw ProblemException.badRequest("A rate set body is required.");
        var faults = in.faults();
        if (!faults.isEmpty()) throw ProblemException.unprocessable("The rate set is not valid.", faults);
        String actor = TenantContext.caller().orElseThrow().subject();
        String hash = in.versionHash();
        Optional<String> previous = store.activeHash();
        boolean created = store.find(hash).isEmpty();
        if (created) {
            store.insert(hash, in.note(), in.canonicalRates(), actor, Instant.now().truncatedTo(ChronoUnit.MICROS));
            audit.record("fx_rates.upload", "fx_rate_set", hash, null, Map.of("versionHash", hash, "rates", in.canonicalRates().size()));
        }
        if (!previous.equals(Optional.of(hash))) {
            store.activate(hash, actor);
            audit.record("fx_rates.activate", "fx_rate_set", hash, previous.map(p -> Map.of("versionHash", p)).orElse(null),
                    Map.of("versionHash", hash));
        }
        return new Uploaded(store.find(hash).orElseThrow(), created);
    }

    /** The converter of the tenant's active rate set, when it keeps one. */
    public Optional<FxConverter> active() {
        return store.activeHash().flatMap(store::find).map(s -> new FxConverter(s.versionHash(), s.rates()));
    }
}
