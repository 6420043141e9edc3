/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which ledger sources of one billing account are whole views of its bill, and which two views a source-vs-source
 * check compares. Two sources are compared only when they say they cover the same charges:
 * <ul>
 * <li>declared: the tenant declared the two sources copies of one bill ({@link SourcePairStore}); a source named in
 * any declaration is compared only as declared, so a tenant can take a source out of the rule below;</li>
 * <li>different kinds: an AWS CUR and a FOCUS export of the same account, or a provider export and a SaaS invoice
 * import. Sources of one kind add up (a second CUR of other resources, a second payer's FOCUS file): they form one
 * view together and are never compared with each other.</li>
 * </ul>
 * A source whose kind is unknown (its rows came from ingestions of more than one kind) is a view of its own that
 * only a declaration pairs. Pure: the same sources and declarations give the same pairs in the same order.
 */
final class SourceViews {

    /** The order a pair of kinds is written in: the provider's own export is the reference. */
    private static final List<String> KIND_ORDER = List.of("aws-cur", "azure-cost", "focus", "invoice-csv");

    /** A declaration: {@code observed} is another delivery of the charges {@code reference} holds. */
    record Declared(String reference, String observed) {
    }

    /** One whole view of an account's charges: its sources (one, or those of one kind added up) and its name. */
    record View(List<String> sources) {
        String name() {
            return "ledger:" + String.join("+", sources);
        }
    }

    /** Two views a check compares, and why: {@code declared} or {@code kinds:<reference kind>/<observed kind>}. */
    record Pairing(View reference, View observed, String basis) {
    }

    private SourceViews() {
    }

    /** The account's whole views among {@code present} (the sources with rows in one currency), in a fixed order. */
    static List<View> views(Collection<String> present, Map<String, String> kindBySource, List<Declared> declared) {
        Set<String> named = named(declared);
        Map<String, TreeSet<String>> byKind = new TreeMap<>(Comparator.comparingInt(SourceViews::kindRank).thenComparing(k -> k));
        List<View> views = new ArrayList<>();
        for (String source : new TreeSet<>(present)) {
            String kind = kindBySource.get(source);
            if (named.contains(source) || kind == null) {
                views.add(new View(List.of(source)));
            } else {
                byKind.computeIfAbsent(kind, k -> new TreeSet<>()).add(source);
            }
        }
        byKind.values().forEach(s -> views.add(new View(List.copyOf(s))));
        views.sort(Comparator.comparing(View::name));
        return views;
    }

    /**
     * The comparisons of one account in one currency. {@code inCurrency}: sources with rows in that currency;
     * {@code onAccount}: sources with rows on the account in any currency. A declared pair is compared where both
     * sources bill the account (a currency only one of them has is compared against nothing: a copy that lost a
     * currency is a discrepancy); an account only one of them covers is not compared (a FOCUS export may cover a
     * subset of the linked accounts).
     */
    static List<Pairing> pairings(Collection<String> inCurrency, Collection<String> onAccount, Map<String, String> kindBySource,
                                  List<Declared> declared) {
        List<Pairing> out = new ArrayList<>();
        for (Declared d : declared) {
            if (onAccount.contains(d.reference()) && onAccount.contains(d.observed())
                    && (inCurrency.contains(d.reference()) || inCurrency.contains(d.observed()))) {
                out.add(new Pairing(new View(List.of(d.reference())), new View(List.of(d.observed())), "declared"));
            }
        }
        Set<String> named = named(declared);
        Map<String, TreeSet<String>> byKind = new TreeMap<>(Comparator.comparingInt(SourceViews::kindRank).thenComparing(k -> k));
        for (String source : inCurrency) {
            String kind = kindBySource.get(source);
            if (!named.contains(source) && kind != null) byKind.computeIfAbsent(kind, k -> new TreeSet<>()).add(source);
        }
        List<String> kinds = new ArrayList<>(byKind.keySet());
        for (int i = 0; i < kinds.size(); i++) {
            for (int j = i + 1; j < kinds.size(); j++) {
                out.add(new Pairing(new View(List.copyOf(byKind.get(kinds.get(i)))), new View(List.copyOf(byKind.get(kinds.get(j)))),
                        "kinds:" + kinds.get(i) + "/" + kinds.get(j)));
            }
        }
        return out;
    }

    private static Set<String> named(List<Declared> declared) {
        Set<String> named = new TreeSet<>();
        declared.forEach(d -> {
            named.add(d.reference());
            named.add(d.observed());
        });
        return named;
    }

    private static int kindRank(String kind) {
        int i = KIND_ORDER.indexOf(kind);
        return i < 0 ? KIND_ORDER.size() : i;
    }
}
