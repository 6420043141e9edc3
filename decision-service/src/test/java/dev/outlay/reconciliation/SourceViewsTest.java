/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which sources of one account are whole views of its bill, and which two are compared. */
class SourceViewsTest {

    static final Map<String, String> KINDS = Map.of("cur-a", "aws-cur", "cur-b", "aws-cur", "focus", "focus", "saas", "invoice-csv");

    private static List<String> names(List<SourceViews.Pairing> pairs) {
        return pairs.stream().map(p -> p.reference().name() + " | " + p.observed().name() + " | " + p.basis()).toList();
    }

    @Test
    void twoSourcesOfOneKindAreNeverComparedButAddUpAgainstAnotherKind() {
        assertEquals(List.of(), SourceViews.pairings(Set.of("cur-a", "cur-b"), Set.of("cur-a", "cur-b"), KINDS, List.of()));
        assertEquals(List.of("ledger:cur-a+cur-b | ledger:focus | kinds:aws-cur/focus"),
                names(SourceViews.pairings(Set.of("focus", "cur-b", "cur-a"), Set.of("cur-a", "cur-b", "focus"), KINDS, List.of())));
        assertEquals(List.of("ledger:cur-a+cur-b", "ledger:focus"),
                SourceViews.views(Set.of("cur-a", "cur-b", "focus"), KINDS, List.of()).stream().map(SourceViews.View::name).toList());
    }

    @Test
    void everyTwoKindsOfOneAccountArePairedProviderExportFirst() {
        assertEquals(List.of("ledger:cur-a | ledger:focus | kinds:aws-cur/focus", "ledger:cur-a | ledger:saas | kinds:aws-cur/invoice-csv",
                        "ledger:focus | ledger:saas | kinds:focus/invoice-csv"),
                names(SourceViews.pairings(Set.of("saas", "focus", "cur-a"), Set.of("saas", "focus", "cur-a"), KINDS, List.of())));
    }

    @Test
    void aDeclaredSourceIsComparedOnlyAsDeclared() {
        List<SourceViews.Declared> declared = List.of(new SourceViews.Declared("cur-a", "cur-b"));
        assertEquals(List.of("ledger:cur-a | ledger:cur-b | declared"),
                names(SourceViews.pairings(Set.of("cur-a", "cur-b", "focus"), Set.of("cur-a", "cur-b", "focus"), KINDS, declared)));
        assertEquals(List.of("ledger:cur-a", "ledger:cur-b", "ledger:focus"),
                SourceViews.views(Set.of("cur-a", "cur-b", "focus"), KINDS, declared).stream().map(SourceViews.View::name).toList());
        // In a currency only one side bills, a declared copy is compared against nothing; on an account it lacks, not at all.
        assertEquals(List.of("ledger:cur-a | ledger:cur-b | declared"),
                names(SourceViews.pairings(Set.of("cur-a"), Set.of("cur-a", "cur-b"), KINDS, declared)));
        assertEquals(List.of(), SourceViews.pairings(Set.of("cur-a"), Set.of("cur-a"), KINDS, declared));
    }

    @Test
    void aSourceOfUnknownKindIsItsOwnViewAndPairedOnlyByDeclaration() {
        assertEquals(List.of(), SourceViews.pairings(Set.of("mixed", "focus"), Set.of("mixed", "focus"), KINDS, List.of()));
        assertEquals(List.of("ledger:focus", "ledger:mixed"),
                SourceViews.views(Set.of("mixed", "focus"), KINDS, List.of()).stream().map(SourceViews.View::name).toList());
    }
}
