/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.audit.AuditChain;
import dev.outlay.audit.AuditEntry;
import dev.outlay.audit.AuditLog;
import dev.outlay.decisions.DecisionLog;
import dev.outlay.decisions.DecisionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The auditor's home: the latest decisions (each a link to its replay), the audit chain's verification as
 * {@code GET /api/v1/audit/verify} answers it, and the latest rule publishes from the audit log.
 */
@ApplicationScoped
public class AuditorPanels {

    /** As the replay pages (decisions) and {@code AuditResource} (the log and its verification). */
    static final Set<String> DECISION_READERS = Set.of("admin", "finops_admin", "auditor");
    static final Set<String> AUDIT_READERS = Set.of("admin", "auditor");
    static final int DECISIONS = 10;
    static final int PUBLISHES = 5;
    static final String PUBLISH = "ruleset.publish";

    @Inject
    DecisionLog decisions;

    @Inject
    AuditLog audit;

    public record Decision(String id, String ruleSet, String version, String caller, String at, Integer rows) {
    }

    public record Publish(long seq, String at, String actor, String ruleSet) {
    }

    public List<Decision> decisions() {
        List<Decision> out = new ArrayList<>();
        for (DecisionRecord d : decisions.list(null, null, null, null, DECISIONS)) {
            String v = d.versionHash() == null ? "" : d.versionHash().substring(0, Math.min(12, d.versionHash().length()));
            out.add(new Decision(d.id().toString(), d.ruleSet(), v, d.caller(), d.at().toString(), d.rowCount()));
        }
        return out;
    }

    public AuditChain.Verification verification() {
        return audit.verify();
    }

    public List<Publish> publishes() {
        List<AuditEntry> all = audit.list(null, null, null, PUBLISH);
        List<Publish> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < PUBLISHES; i--) {
            AuditEntry e = all.get(i);
            out.add(new Publish(e.seq(), e.at().toString(), e.actor(), e.objectId()));
        }
        return out;
    }
}
