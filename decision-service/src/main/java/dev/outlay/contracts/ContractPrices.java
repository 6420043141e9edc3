/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.contracts;

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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Putting contract prices (all of a request or none, each new version audited in the same transaction) and the
 * price book a seat source is priced from.
 */
@ApplicationScoped
public class ContractPrices {

    @Inject
    ContractPriceStore store;

    @Inject
    AuditLog audit;

    /** What a put did: the prices it stored as new versions, and how many were already current with the same content. */
    public record PutResult(List<ContractPrice> stored, int unchanged) {
    }

    @Transactional
    public PutResult put(List<ContractPriceInput> in) {
        if (in == null || in.isEmpty()) throw ProblemException.badRequest("A list of at least one contract price is required.");
        List<ContractPriceInput> prices = new ArrayList<>();
        List<Problem.Fault> faults = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            if (in.get(i) == null) {
                faults.add(Problem.Fault.at("[" + i + "]", "a price object is required"));
                continue;
            }
            ContractPriceInput p = in.get(i).normalised();
            faults.addAll(p.faults("[" + i + "]."));
            if (!keys.add(p.vendor() + "\n" + p.sku() + "\n" + p.validFrom())) {
                faults.add(Problem.Fault.at("[" + i + "]", "vendor, sku and validFrom repeat an earlier entry of this request"));
            }
            prices.add(p);
        }
        if (!faults.isEmpty()) throw ProblemException.unprocessable("The contract prices are not valid; nothing was stored.", faults);
        return store(prices);
    }

    /** A CSV upload: refused whole with every line and column at fault, else stored like {@link #put}. */
    @Transactional
    public PutResult putCsv(String csv) {
        return put(ContractPriceCsv.parse(csv));
    }

    private PutResult store(List<ContractPriceInput> prices) {
        String actor = TenantContext.caller().orElseThrow().subject();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<ContractPrice> history = store.history();
        List<ContractPrice> stored = new ArrayList<>();
        int unchanged = 0;
        for (ContractPriceInput p : prices) {
            Optional<ContractPrice> current = history.stream()
                    .filter(h -> h.vendor().equals(p.vendor()) && h.sku().equals(p.sku()) && h.validFrom().equals(p.validFrom()))
                    .reduce((a, b) -> b);
            if (current.isPresent() && current.get().sameAs(p)) {
                unchanged++;
                continue;
            }
            int version = current.map(c -> c.version() + 1).orElse(1);
            store.insert(p, version, actor, at);
            ContractPrice now = new ContractPrice(p.vendor(), p.sku(), p.unitPrice(), p.currency(), p.term(), p.pricingUnit(),
                    p.validFrom(), p.validTo(), p.note(), version, actor, at);
            audit.record("contract_price.put", "contract_price", p.vendor() + "/" + p.sku() + "/" + p.validFrom(), current.orElse(null), now);
            stored.add(now);
        }
        return new PutResult(stored, unchanged);
    }

    public List<ContractPrice> current() {
        return store.current();
    }

    public List<ContractPrice> history() {
        return store.history();
    }

    /** The current prices of one vendor, for pricing a poll of its seats. */
    public PriceBook book(String vendor) {
        return new PriceBook(vendor, store.current(vendor));
    }
}
