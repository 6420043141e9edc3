/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The transitions people ask for: accept, waive (reason, until), action, reopen, verify. Each one checks the status
 * it starts from, writes the history entry and the audit entry, and commits as one step; a refused transition
 * changes nothing. An action that is risky (risk high, or a deletion in production) is not marked actioned here: it
 * goes to approval first ({@link FindingApprovals}) and is marked actioned when the approver approves.
 */
@ApplicationScoped
public class FindingLifecycle {

    private static final Set<String> PRODUCTION = Set.of("prod", "production", "prd");

    @Inject
    FindingStore store;

    @Inject
    FindingAccess access;

    @Inject
    FindingCosts costs;

    @Inject
    FindingApprovals approvals;

    @Inject
    FindingRouting routing;

    @Inject
    AuditLog audit;

    /** Whether acting on the finding needs an approver's yes first. */
    public static boolean needsApproval(StoredFinding f) {
        boolean production = f.environment() != null && PRODUCTION.contains(f.environment().toLowerCase(java.util.Locale.ROOT));
        return "high".equals(f.risk()) || ("DELETE".equals(f.action()) && production);
    }

    @Transactional
    public StoredFinding accept(String id, String reason) {
        StoredFinding f = allowed(id, "accept");
        move(f, FindingStatus.ACCEPTED, FindingStore.Change.NONE, reason == null ? "accepted by the owner" : reason, "finding.accept");
        return store.find(id).orElseThrow();
    }

    @Transactional
    public StoredFinding waive(String id, String reason, LocalDate until) {
        StoredFinding f = allowed(id, "waive");
        move(f, FindingStatus.WAIVED, FindingStore.Change.waived(reason, until), reason + " (until " + until + ")", "finding.waive");
        return store.find(id).orElseThrow();
    }

    @Transactional
    public StoredFinding reopen(String id, String reason) {
        StoredFinding f = allowed(id, "reopen");
        move(f, FindingStatus.REOPENED, FindingStore.Change.NONE, reason == null ? "reopened" : reason, "finding.reopen");
        return store.find(id).orElseThrow();
    }

    /** Marks the action taken, or asks for approval first when the action is risky. */
    @Transactional
    public StoredFinding action(String id, String note) {
        StoredFinding f = allowed(id, "action");
        if (needsApproval(f)) {
            approvals.request(f, note);
            return store.find(id).orElseThrow();
        }
        markActioned(f, actor(), note == null ? "action taken: " + f.action() : note, "finding.action");
        return store.find(id).orElseThrow();
    }

    /** Verifies an actioned finding now: only when the resource's cost has dropped since the action. */
    @Transactional
    public StoredFinding verify(String id) {
        StoredFinding f = allowed(id, "verify");
        FindingCosts.Drop drop = costs.compare(f.resourceId(), f.actionBaseline(), f.actionedAt().atZone(ZoneOffset.UTC).toLocalDate(),
                f.savings(), FindingScans.lastCompleteDay());
        if (!drop.dropped()) throw new FindingTransitionException(id, "verify", f.status(), "the cost has not dropped: " + drop.why());
        move(f, FindingStatus.VERIFIED, FindingStore.Change.NONE, drop.why(), "finding.verify");
        return store.find(id).orElseThrow();
    }

    /** Actioned with the resource's cost before the action as the baseline verification compares with. */
    void markActioned(StoredFinding f, String by, String reason, String auditAction) {
        Instant now = now();
        var baseline = costs.dailyBefore(f.resourceId(), now.atZone(ZoneOffset.UTC).toLocalDate());
        move(f, FindingStatus.ACTIONED, FindingStore.Change.actioned(now, by, baseline), reason, auditAction);
    }

    /**
     * One status change with its history and audit entries, and the owner's triage brought in line with it
     * ({@link FindingRouting#statusChanged}); a lost race with another transition is a conflict.
     */
    void move(StoredFinding f, String to, FindingStore.Change change, String reason, String auditAction) {
        move(f, to, change, reason, auditAction, null);
    }

    /** As above, for a scan's change: the history entry names the scan. */
    void move(StoredFinding f, String to, FindingStore.Change change, String reason, String auditAction, java.util.UUID scanId) {
        Instant now = now();
        if (!store.transition(f.id(), f.status(), to, change, now)) {
            throw new FindingTransitionException(f.id(), auditAction.substring(auditAction.indexOf('.') + 1), f.status(),
                    "its status changed meanwhile");
        }
        store.event(f.id(), actor(), f.status(), to, reason, scanId, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to);
        if (reason != null) after.put("reason", reason);
        if (change.waivedUntil() != null) after.put("waivedUntil", change.waivedUntil().toString());
        if (change.approvalRequestId() != null) after.put("approvalRequestId", change.approvalRequestId().toString());
        if (change.closedReason() != null) after.put("closedReason", change.closedReason());
        if (scanId != null) after.put("scanId", scanId.toString());
        audit.record(auditAction, "finding", f.id(), Map.of("status", f.status()), after);
        routing.statusChanged(f, to, reason);
    }

    private StoredFinding allowed(String id, String transition) {
        StoredFinding f = access.require(id);
        if (!FindingStatus.FROM.get(transition).contains(f.status())) {
            throw new FindingTransitionException(id, transition, f.status(),
                    transition + " needs status " + String.join(" or ", new java.util.TreeSet<>(FindingStatus.FROM.get(transition))));
        }
        return f;
    }

    static String actor() {
        return TenantContext.caller().map(Caller::subject).orElse("system");
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
