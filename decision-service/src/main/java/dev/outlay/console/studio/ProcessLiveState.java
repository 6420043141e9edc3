/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import dev.outlay.approvals.HistoryEntry;
import dev.outlay.approvals.ProcessStarter;
import dev.outlay.approvals.SpendRequest;
import dev.outlay.approvals.SpendRequestRepository;
import dev.outlay.approvals.ViolationRepository;
import dev.outlay.close.CloseProcess;
import dev.outlay.close.CloseStore;
import dev.outlay.tenancy.TenantConnections;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import org.kie.kogito.Model;
import org.kie.kogito.internal.process.runtime.KogitoNodeInstance;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.ProcessInstance;
import org.kie.kogito.process.ProcessInstanceReadMode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a process instance stands: the Outlay object it runs for (found through Outlay's row-level-secured tables,
 * since Kogito's own tables carry no tenant: an instance of another tenant is not found), its history as Outlay
 * recorded it, and from the engine the node instances active now. A finished instance is gone from the engine
 * (JDBC persistence deletes it); its outcome then comes from the object.
 */
@ApplicationScoped
public class ProcessLiveState {

    @Inject
    SpendRequestRepository requests;

    @Inject
    ViolationRepository violations;

    @Inject
    CloseStore close;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Named(ProcessStarter.SPEND_APPROVAL)
    Process<? extends Model> spendApproval;

    @Inject
    @Named(ProcessStarter.VIOLATION_TRIAGE)
    Process<? extends Model> violationTriage;

    @Inject
    @Named(CloseProcess.ID)
    Process<? extends Model> monthEndClose;

    public record Step(Instant at, String actor, String kind, String detail) {
    }

    public record ActiveNode(String id, String name, Instant since) {
    }

    /** {@code status} is the engine's (active, suspended, error...) or "ended" when the engine no longer has it. */
    public record State(String processId, String instanceId, String subject, String subjectStatus, String status,
                        List<ActiveNode> active, Set<String> visited, List<Step> history) {
    }

    public record Instance(String processId, String instanceId, String subject, String status, Instant at) {
    }

    /** Empty when the instance runs for nothing of the caller's tenant. */
    @Transactional
    public Optional<State> state(String processId, String instanceId) {
        Subject subject = subject(processId, instanceId).orElse(null);
        if (subject == null) return Optional.empty();
        Process<? extends Model> p = process(processId);
        Optional<? extends ProcessInstance<? extends Model>> pi = p.instances().findById(instanceId, ProcessInstanceReadMode.READ_ONLY);
        List<ActiveNode> active = new ArrayList<>();
        String status = "ended";
        if (pi.isPresent()) {
            status = status(pi.get().status());
            for (KogitoNodeInstance n : pi.get().findNodes(n -> true)) {
                active.add(new ActiveNode(n.getNodeDefinitionId(), n.getNodeName(),
                        n.getTriggerTime() == null ? null : n.getTriggerTime().toInstant()));
            }
            active.sort(Comparator.comparing(ActiveNode::id));
        }
        return Optional.of(new State(processId, instanceId, subject.label(), subject.status(), status, active, subject.ended(), subject.history()));
    }

    /** Instances of the tenant's spend requests, violations and closes, newest first (at most 20 each). */
    public List<Instance> recent() {
        List<Instance> out = new ArrayList<>();
        out.addAll(query(ProcessStarter.SPEND_APPROVAL, "SELECT 'Spend request ' || id, process_instance_id, status, created_at FROM outlay.spend_request"));
        out.addAll(query(ProcessStarter.VIOLATION_TRIAGE, "SELECT 'Policy violation ' || id, process_instance_id, status, created_at FROM outlay.policy_violation"));
        close.periods().stream().filter(r -> r.processInstanceId() != null).limit(20)
                .forEach(r -> out.add(new Instance(CloseProcess.ID, r.processInstanceId(), "Close " + r.period().toString().substring(0, 7), r.state(), r.updatedAt())));
        out.sort(Comparator.comparing(Instance::at, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Instance::instanceId));
        return out;
    }

    private record Subject(String label, String status, Set<String> ended, List<Step> history) {
    }

    private Optional<Subject> subject(String processId, String instanceId) {
        if (ProcessStarter.SPEND_APPROVAL.equals(processId)) {
            return requests.findByProcessInstance(instanceId).map(r -> new Subject("Spend request " + r.id() + " (" + r.amount().toPlainString()
                    + " " + r.currency() + ", " + r.owner() + ")", r.status(), endedAt(r), steps(requests.history(r.id()))));
        }
        if (ProcessStarter.VIOLATION_TRIAGE.equals(processId)) {
            return violations.findByProcessInstance(instanceId).map(v -> new Subject("Policy violation " + v.id() + " (" + v.owner() + ")",
                    v.status(), Set.of(), List.of()));
        }
        if (CloseProcess.ID.equals(processId)) {
            Optional<CloseStore.PeriodRow> period = close.periodByProcess(instanceId);
            if (period.isPresent()) {
                return Optional.of(new Subject("Close " + period.get().period().toString().substring(0, 7), period.get().state(), Set.of(),
                        close.events(period.get().period()).stream().map(e -> new Step(e.at(), e.actor(), e.kind(), e.detail())).toList()));
            }
            return close.restatementByProcess(instanceId).map(r -> new Subject("Restatement of " + r.period().toString().substring(0, 7),
                    r.status(), Set.of(), close.events(r.period()).stream().map(e -> new Step(e.at(), e.actor(), e.kind(), e.detail())).toList()));
        }
        return Optional.empty();
    }

    /** The end event a decided spend request left the process by (approved, rejected, expired). */
    private static Set<String> endedAt(SpendRequest r) {
        Map<String, String> ends = Map.of(SpendRequest.APPROVED, "end_approved", SpendRequest.REJECTED, "end_rejected",
                SpendRequest.EXPIRED, "end_expired");
        String end = ends.get(r.status());
        return end == null ? Set.of() : new TreeSet<>(Set.of(end));
    }

    private static List<Step> steps(List<HistoryEntry> h) {
        return h.stream().map(e -> new Step(e.at(), e.actor(), e.kind(), e.detail())).toList();
    }

    private Process<? extends Model> process(String processId) {
        return switch (processId) {
            case ProcessStarter.SPEND_APPROVAL -> spendApproval;
            case ProcessStarter.VIOLATION_TRIAGE -> violationTriage;
            default -> monthEndClose;
        };
    }

    private List<Instance> query(String processId, String select) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement(select + " WHERE process_instance_id IS NOT NULL ORDER BY created_at DESC, id LIMIT 20")) {
            List<Instance> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Instance(processId, rs.getString(2), rs.getString(1), rs.getString(3), rs.getTimestamp(4).toInstant()));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list process instances: " + e.getMessage(), e);
        }
    }

    static String status(int s) {
        return switch (s) {
            case ProcessInstance.STATE_PENDING -> "pending";
            case ProcessInstance.STATE_ACTIVE -> "active";
            case ProcessInstance.STATE_COMPLETED -> "completed";
            case ProcessInstance.STATE_ABORTED -> "aborted";
            case ProcessInstance.STATE_SUSPENDED -> "suspended";
            case ProcessInstance.STATE_ERROR -> "error";
            default -> "state " + s;
        };
    }
}
