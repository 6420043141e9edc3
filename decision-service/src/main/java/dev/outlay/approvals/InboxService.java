/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.kie.kogito.auth.IdentityProvider;
import org.kie.kogito.auth.IdentityProviders;
import org.kie.kogito.usertask.UserTaskService;
import org.kie.kogito.usertask.view.UserTaskView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The approver's inbox over Kogito's user tasks. Kogito knows users and groups but not tenants, and it still lists a
 * task to its excluded user, so this service (1) asks Kogito with the caller's own identity (subject + roles as
 * groups), (2) keeps only tasks whose process instance belongs to a spend request or violation of the caller's tenant
 * (row-level security decides), (3) hides tasks and refuses actions where the caller is excluded (four-eyes) and
 * (4) remembers completed tasks so a second completion is a conflict rather than "not found".
 */
@ApplicationScoped
public class InboxService {

    static final Set<String> SPEND_DECISIONS = Set.of("approve", "reject", "more-info");

    @Inject
    UserTaskService tasks;

    @Inject
    SpendRequestRepository requests;

    @Inject
    ViolationRepository violations;

    @Inject
    AuditLog audit;

    @Inject
    dev.outlay.close.CloseReviewSubject.Lookup closes;

    @Inject
    jakarta.enterprise.event.Event<dev.outlay.actions.SubjectChanged> changed;

    private record Context(UserTaskView task, SpendRequest request, Violation violation, dev.outlay.close.CloseReviewSubject close) {
        Context(UserTaskView task, SpendRequest request, Violation violation) {
            this(task, request, violation, null);
        }

        String processInstanceId() {
            return (String) task.getMetadata().get("ProcessInstanceId");
        }
    }

    @Transactional
    public List<InboxItem> list() {
        Caller caller = TenantContext.caller().orElseThrow();
        return tasks.list(identity(caller)).stream()
                .filter(t -> !t.getExcludedUsers().contains(caller.subject()))
                .map(this::context)
                .flatMap(Optional::stream)
                .map(InboxService::item)
                .toList();
    }

    @Transactional
    public InboxItem claim(String taskId) {
        Context ctx = actionable(taskId);
        UserTaskView v = transition(ctx, "claim", Map.of());
        event(ctx, "claimed", null);
        return item(new Context(v, ctx.request(), ctx.violation(), ctx.close()));
    }

    @Transactional
    public InboxItem release(String taskId) {
        Context ctx = actionable(taskId);
        UserTaskView v = transition(ctx, "release", Map.of());
        event(ctx, "released", null);
        return item(new Context(v, ctx.request(), ctx.violation(), ctx.close()));
    }

    @Transactional
    public Map<String, Object> complete(String taskId, InboxDecision decision) {
        Context ctx = actionable(taskId);
        Caller caller = TenantContext.caller().orElseThrow();
        Map<String, Object> data = outputs(ctx.task().getTaskName(), decision);
        if (!caller.subject().equals(ctx.task().getActualOwner())) {
            transition(ctx, "claim", Map.of());
        }
        String kind = switch (ctx.task().getTaskName()) {
            case "ApproveSpend" -> "decided:" + decision.decision();
            case "ProvideInfo" -> "info-provided";
            case "AcknowledgeViolation" -> "acknowledged";
            case "ReviewClose" -> "close:" + decision.decision();
            default -> "verified";
        };
        // Record first: the completion below may run the process to its end, whose listener reads these rows.
        requests.recordTaskDecision(taskId, ctx.request() == null ? null : ctx.request().id(),
                decision.decision() == null ? kind : decision.decision(), caller.subject());
        event(ctx, kind, decision.comment());
        audit.record("task.complete", subjectType(ctx), subjectId(ctx),
                null, Map.of("taskId", taskId, "task", ctx.task().getTaskName(), "decision", String.valueOf(decision.decision()),
                        "comment", String.valueOf(decision.comment())));
        transition(ctx, "complete", data);
        if (ctx.close() != null) return Map.of("taskId", taskId, "completed", true, "decision", String.valueOf(decision.decision()));
        // Messages already posted about the subject (Slack) are edited to show this, after commit.
        changed.fire(new dev.outlay.actions.SubjectChanged(caller.tenantId(), ctx.request() != null ? "spend_request" : "policy_violation",
                subjectId(ctx), stateLine(kind, decision.decision(), caller.subject())));
        return Map.of("taskId", taskId, "completed", true, "decision", String.valueOf(decision.decision()));
    }

    /**
     * Gives every task the subject has claimed in the current tenant back to its group (SCIM deprovisioning): the
     * release acts as that subject, whose claim it is, with the roles given; only tasks whose subject row belongs to
     * this tenant are touched (row-level security), so a namesake in another tenant keeps theirs. Returns the ids.
     */
    @Transactional
    public List<String> releaseClaimsOf(String subject, Set<String> roles, String reason) {
        IdentityProvider owner = IdentityProviders.of(subject, List.copyOf(roles));
        List<String> released = new java.util.ArrayList<>();
        for (UserTaskView t : tasks.list(owner)) {
            if (!subject.equals(t.getActualOwner()) || t.getStatus() == null || !"Reserved".equals(t.getStatus().getName())) continue;
            Optional<Context> ctx = context(t);
            if (ctx.isEmpty()) continue;
            tasks.transition(t.getId(), "release", Map.of(), owner);
            if (ctx.get().request() != null) requests.event(ctx.get().request().id(), subject, "released", reason);
            audit.record("task.release", subjectType(ctx.get()), subjectId(ctx.get()), Map.of("owner", subject),
                    Map.of("taskId", t.getId(), "task", t.getTaskName(), "reason", reason));
            released.add(t.getId());
        }
        return released;
    }

    /** The task, if the caller may act on it in their tenant: 404 if unknown here, 409 if done, 403 for four-eyes. */
    private Context actionable(String taskId) {
        Caller caller = TenantContext.caller().orElseThrow();
        Optional<UserTaskView> view;
        try {
            view = tasks.getUserTaskInstance(taskId, identity(caller));
        } catch (RuntimeException e) {
            view = Optional.empty();
        }
        if (view.isEmpty()) {
            if (requests.taskDecision(taskId).isPresent()) throw ProblemException.conflict("Task " + taskId + " is already completed.");
            throw ProblemException.notFound("No task " + taskId + ".");
        }
        Context ctx = context(view.get()).orElseThrow(() -> ProblemException.notFound("No task " + taskId + "."));
        if (requests.taskDecision(taskId).isPresent()) throw ProblemException.conflict("Task " + taskId + " is already completed.");
        if (ctx.task().getExcludedUsers().contains(caller.subject())
                || (ctx.request() != null && "ApproveSpend".equals(ctx.task().getTaskName()) && caller.subject().equals(ctx.request().requester()))) {
            if (ctx.close() != null) {
                throw ProblemException.forbidden("You prepared this " + ctx.close().subjectType() + " of " + ctx.close().period()
                        + " (or brought the data it rests on); someone else has to review it (four-eyes).");
            }
            throw ProblemException.forbidden("You requested this spend; someone else has to approve it (four-eyes).");
        }
        boolean mayAct = ctx.task().getPotentialUsers().contains(caller.subject())
                || ctx.task().getPotentialGroups().stream().anyMatch(caller.roles()::contains)
                || caller.subject().equals(ctx.task().getActualOwner());
        if (!mayAct) throw ProblemException.notFound("No task " + taskId + ".");
        return ctx;
    }

    private UserTaskView transition(Context ctx, String transition, Map<String, Object> data) {
        Caller caller = TenantContext.caller().orElseThrow();
        try {
            return tasks.transition(ctx.task().getId(), transition, data, identity(caller))
                    .orElseThrow(() -> ProblemException.notFound("No task " + ctx.task().getId() + "."));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            String name = e.getClass().getSimpleName();
            if (name.contains("NotAuthorized")) throw ProblemException.forbidden("Not allowed to " + transition + " this task: " + e.getMessage());
            throw ProblemException.conflict("Cannot " + transition + " task " + ctx.task().getId() + " in state "
                    + (ctx.task().getStatus() == null ? "?" : ctx.task().getStatus().getName()) + ": " + e.getMessage());
        }
    }

    private Optional<Context> context(UserTaskView t) {
        String pid = (String) t.getMetadata().get("ProcessInstanceId");
        if (pid == null) return Optional.empty();
        Optional<SpendRequest> r = requests.findByProcessInstance(pid);
        if (r.isPresent()) return Optional.of(new Context(t, r.get(), null));
        Optional<Violation> v = violations.findByProcessInstance(pid);
        if (v.isPresent()) return Optional.of(new Context(t, null, v.get()));
        return closes.byProcessInstance(pid).map(c -> new Context(t, null, null, c));
    }

    private static Map<String, Object> outputs(String taskName, InboxDecision d) {
        if (d == null) throw ProblemException.badRequest("A body {decision, comment} is required.");
        Map<String, Object> out = new HashMap<>();
        switch (taskName) {
            case "ApproveSpend" -> {
                if (d.decision() == null || !SPEND_DECISIONS.contains(d.decision())) {
                    throw ProblemException.unprocessable("Unknown decision.", List.of(Problem.Fault.at("decision", "one of " + SPEND_DECISIONS)));
                }
                out.put("decision", d.decision());
                out.put("comment", d.comment());
            }
            case "ProvideInfo", "AcknowledgeViolation" -> {
                if (d.comment() == null || d.comment().isBlank()) {
                    throw ProblemException.unprocessable("A comment is required.", List.of(Problem.Fault.at("comment", "required")));
                }
                out.put("ProvideInfo".equals(taskName) ? "info" : "action", d.comment());
            }
            case "ReviewClose" -> {
                // Close review: approve makes the period FINAL (or RESTATED), reject needs its reason, rerun regenerates.
                if (!Set.of("approve", "reject", "rerun").contains(String.valueOf(d.decision()))) {
                    throw ProblemException.unprocessable("Unknown decision.", List.of(Problem.Fault.at("decision",
                            "one of " + dev.outlay.close.CloseReviewSubject.DECISIONS)));
                }
                if ("reject".equals(d.decision()) && (d.comment() == null || d.comment().isBlank())) {
                    throw ProblemException.unprocessable("A rejection needs its reason.", List.of(Problem.Fault.at("comment", "required to reject")));
                }
                out.put("decision", d.decision());
                out.put("reason", d.comment());
            }
            case "VerifyViolation" -> {
                if (!Set.of("verified", "not-verified").contains(String.valueOf(d.decision()))) {
                    throw ProblemException.unprocessable("Unknown decision.", List.of(Problem.Fault.at("decision", "one of [verified, not-verified]")));
                }
                out.put("verified", "verified".equals(d.decision()));
            }
            default -> throw ProblemException.conflict("Task type " + taskName + " is not handled by the inbox.");
        }
        return out;
    }

    private void event(Context ctx, String kind, String detail) {
        if (ctx.request() != null) {
            requests.event(ctx.request().id(), TenantContext.caller().orElseThrow().subject(), kind,
                    Objects.requireNonNullElse(detail, ctx.task().getTaskName()));
        }
    }

    static String stateLine(String kind, String decision, String by) {
        return switch (kind) {
            case "decided:approve" -> "Approved by " + by;
            case "decided:reject" -> "Rejected by " + by;
            case "decided:more-info" -> "More information requested by " + by;
            case "info-provided" -> "Information provided by " + by;
            case "acknowledged" -> "Acknowledged by " + by + ", awaiting verification";
            default -> "not-verified".equals(decision) ? "Sent back to the owner by " + by : "Verified by " + by;
        };
    }

    private static String subjectId(Context ctx) {
        if (ctx.close() != null) return ctx.close().subjectId();
        return ctx.request() != null ? ctx.request().id().toString() : ctx.violation().id().toString();
    }

    private static String subjectType(Context ctx) {
        if (ctx.close() != null) return "close_" + ctx.close().subjectType();
        return ctx.request() != null ? "spend_request" : "policy_violation";
    }

    private static IdentityProvider identity(Caller caller) {
        return IdentityProviders.of(caller.subject(), List.copyOf(caller.roles()));
    }

    private static InboxItem item(Context ctx) {
        UserTaskView t = ctx.task();
        String status = t.getStatus() == null ? null : t.getStatus().getName();
        Object question = t.getInputs() == null ? null : t.getInputs().get("question");
        if (ctx.request() != null) {
            SpendRequest r = ctx.request();
            return new InboxItem(t.getId(), t.getTaskName(), status, t.getActualOwner(), t.getPotentialGroups(), "spend_request",
                    r.id().toString(), r.requester(), r.owner(), r.resourceClass(), r.environment(), r.amount(), r.currency(),
                    r.policyReason(), r.ruleId(), r.budgetRemaining(), r.forecastOverrunPct(), r.taskDeadline(),
                    question == null ? null : question.toString());
        }
        if (ctx.close() != null) {
            dev.outlay.close.CloseReviewSubject c = ctx.close();
            return new InboxItem(t.getId(), t.getTaskName(), status, t.getActualOwner(), t.getPotentialGroups(), "close_" + c.subjectType(),
                    c.subjectId(), null, null, null, null, null, null, c.summary(), null, null, null, null, null);
        }
        Violation v = ctx.violation();
        return new InboxItem(t.getId(), t.getTaskName(), status, t.getActualOwner(), t.getPotentialGroups(), "policy_violation",
                v.id().toString(), null, v.owner(), v.resourceClass(), v.environment(), v.amount(), null, v.policyReason(),
                v.ruleId(), null, null, null, null);
    }

}
