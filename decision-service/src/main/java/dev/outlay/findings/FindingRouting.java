/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.actions.ActionEvent;
import dev.outlay.actions.ActionOutbox;
import dev.outlay.actions.EventKind;
import dev.outlay.approvals.ProcessStarter;
import dev.outlay.approvals.Violation;
import dev.outlay.approvals.ViolationRepository;
import dev.outlay.approvals.ViolationService;
import dev.outlay.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A finding reaches its owner the way a cost anomaly does: it becomes a triage record (the policy-violation triage
 * process, assigned to the owner group, SLA by risk) and an action event in the outbox, both in the transaction that
 * stores the finding. An unowned finding goes to FinOps. The triage follows the finding: once the finding is waived,
 * actioned, verified or closed its triage is ended (process aborted, so the owner's task leaves the inbox; record
 * closed with the finding's reason), and a finding that comes back (waiver over, reopened) opens a fresh one.
 */
@ApplicationScoped
public class FindingRouting {

    static final String FINOPS = "finops_admin";
    /** Triage SLA by risk: a risky change is worth looking at sooner. */
    private static final Map<String, Integer> SLA_HOURS = Map.of("high", 24, "medium", 72, "low", 168);
    /** Finding statuses that leave the owner nothing to triage. */
    static final Set<String> TRIAGE_DONE = Set.of(FindingStatus.WAIVED, FindingStatus.ACTIONED, FindingStatus.VERIFIED, FindingStatus.CLOSED);
    /** The triage record's status once its finding no longer needs it. */
    static final String TRIAGE_CLOSED = "closed";

    public record Routed(UUID violationId, String processInstanceId, String group, UUID eventId) {
    }

    @Inject
    ViolationService violations;

    @Inject
    ViolationRepository violationRecords;

    @Inject
    ProcessStarter processes;

    @Inject
    ActionOutbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    FindingStore store;

    static String group(String owner) {
        return owner == null || FindingOwners.UNOWNED.equals(owner) ? FINOPS : owner;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Routed opened(FindingDetection d) {
        return route(new Subject(d.id(), d.resourceId(), d.detector(), d.owner(), d.environment(), d.risk(), d.action(),
                d.requiredAction(), d.ruleVersion(), d.savings(), d.evidenceJson()), null);
    }

    /**
     * The finding's status became {@code to} ({@code f} as it was before): a triage still running for a finding the owner
     * has nothing left to do on is ended with the reason; a finding back to open or reopened whose triage had ended
     * gets a new one. Joins the transition's transaction.
     */
    @Transactional
    public void statusChanged(StoredFinding f, String to, String reason) {
        if (TRIAGE_DONE.contains(to)) {
            end(f, to, reason);
        } else if (FindingStatus.OPEN.equals(to) || FindingStatus.REOPENED.equals(to)) {
            boolean ended = f.violationId() == null
                    || violationRecords.find(f.violationId()).map(v -> TRIAGE_CLOSED.equals(v.status())).orElse(true);
            if (ended) {
                route(new Subject(f.id(), f.resourceId(), f.detector(), f.owner(), f.environment(), f.risk(), f.action(),
                        f.requiredAction(), f.ruleVersion(), f.savings(), f.evidence()), to + ": " + reason);
            }
        }
    }

    private void end(StoredFinding f, String to, String reason) {
        if (f.violationId() == null) return;
        Violation v = violationRecords.find(f.violationId()).orElse(null);
        if (v == null || TRIAGE_CLOSED.equals(v.status())) return;
        boolean aborted = v.processInstanceId() != null && processes.abortViolationTriage(v.processInstanceId());
        String action = "finding " + to + ": " + reason;
        violationRecords.update(v.id(), TRIAGE_CLOSED, action.length() > 2000 ? action.substring(0, 2000) : action, null, null);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", TRIAGE_CLOSED);
        after.put("findingId", f.id());
        after.put("findingStatus", to);
        after.put("processAborted", aborted);
        audit.record("policy_violation.closed", "policy_violation", v.id().toString(), Map.of("status", v.status()), after);
    }

    /** What a triage record is opened from: a new detection, or a stored finding that came back. */
    private record Subject(String id, String resourceId, String detector, String owner, String environment, String risk, String action,
                           String requiredAction, String ruleVersion, List<SavingsRange> savings, String evidenceJson) {
    }

    private Routed route(Subject d, String reopened) {
        String group = group(d.owner());
        SavingsRange first = d.savings().isEmpty() ? null : d.savings().get(0);
        String savings = d.savings().stream().map(s -> s.expected().setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " " + s.currency())
                .collect(Collectors.joining(" + "));
        String summary = "Savings finding " + d.detector() + " on " + d.resourceId() + ": " + d.requiredAction()
                + (savings.isEmpty() ? "" : " (expected " + savings + " per month)") + (reopened == null ? "" : " — " + reopened);
        String evidence = "{\"finding\":{\"id\":" + dev.outlay.decisions.CanonicalJson.write(d.id()) + ",\"evidence\":" + d.evidenceJson() + "}}";
        Violation v = new Violation(UUID.randomUUID(), group, "savings-finding", d.environment() == null ? "any" : d.environment(),
                first == null ? java.math.BigDecimal.ZERO : first.expected().setScale(2, RoundingMode.HALF_EVEN),
                first == null ? null : first.currency(), "finding", d.detector(), summary, d.ruleVersion(), evidence, "open",
                null, null, null, null, Instant.now().truncatedTo(ChronoUnit.MICROS));
        String pid = violations.openTriage(v, SLA_HOURS.getOrDefault(d.risk(), 72));
        store.linkTriage(d.id(), v.id(), pid);
        audit.record("finding.triage", "finding", d.id(), null, Map.of("violationId", v.id().toString(), "processInstanceId", pid, "group", group));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", summary);
        payload.put("findingId", d.id());
        payload.put("resourceId", d.resourceId());
        payload.put("detector", d.detector());
        payload.put("action", d.action());
        payload.put("risk", d.risk());
        payload.put("violationId", v.id().toString());
        payload.put("group", group);
        payload.put("reopened", reopened);
        payload.values().removeIf(java.util.Objects::isNull);
        ActionOutbox.Emitted e = outbox.emit(new ActionEvent(EventKind.FINDING, "finding", d.id(), d.risk(), group, d.environment(),
                first == null ? null : first.expected(), first == null ? null : first.currency(), payload));
        return new Routed(v.id(), pid, group, e.eventId());
    }
}
