/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import dev.outlay.decisions.RuleSetInfo;
import dev.outlay.decisions.RuleSetStore;
import dev.outlay.decisions.RuleVersion;
import dev.outlay.decisions.ValidationMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the studio's pages show of a rule set: its summary line, its timeline of versions and its publish history. */
public final class RuleSetView {

    /** One line of the rule sets page. */
    public record Row(String name, String kind, boolean bundled, String activeHash, String activeShort, long drafts, int versions,
                      String lastPublishBy, Instant lastPublishAt) {
    }

    /** One version on the timeline, newest first. */
    public record Version(String hash, String shortHash, String status, boolean active, String note, String author, Instant createdAt,
                          String parentShort, List<ValidationMessage> warnings) {
        public boolean draft() {
            return RuleVersion.DRAFT.equals(status);
        }

        public boolean retired() {
            return RuleVersion.RETIRED.equals(status);
        }
    }

    /** A publish or retire: who moved the active pointer, when, and from where. */
    public record Activation(String action, String shortHash, String previousShort, String actor, Instant at) {
    }

    private RuleSetView() {
    }

    static Row row(RuleSetInfo info, List<RuleVersion> versions, List<RuleSetStore.Activation> activations) {
        long drafts = versions.stream().filter(v -> RuleVersion.DRAFT.equals(v.status())).count();
        RuleSetStore.Activation last = null;
        for (RuleSetStore.Activation a : activations) if ("publish".equals(a.action())) last = a;
        return new Row(info.name(), info.kind().name(), info.bundled(), info.activeHash(), RuleSetPages.shortHash(info.activeHash()),
                drafts, versions.size(), last == null ? null : last.actor(), last == null ? null : last.at());
    }

    static List<Version> timeline(List<RuleVersion> versions) {
        List<Version> out = new ArrayList<>();
        for (RuleVersion v : versions) {
            List<ValidationMessage> warnings = v.messages() == null ? List.of() : v.messages().stream().filter(m -> !m.isError()).toList();
            out.add(new Version(v.hash(), RuleSetPages.shortHash(v.hash()), v.status(), v.active(), v.note(), v.author(), v.createdAt(),
                    RuleSetPages.shortHash(v.parentHash()), warnings));
        }
        return out;
    }

    static List<Activation> history(List<RuleSetStore.Activation> activations) {
        List<Activation> out = new ArrayList<>();
        for (int i = activations.size() - 1; i >= 0; i--) {
            RuleSetStore.Activation a = activations.get(i);
            out.add(new Activation(a.action(), RuleSetPages.shortHash(a.hash()), RuleSetPages.shortHash(a.previousHash()), a.actor(), a.at()));
        }
        return out;
    }
}
