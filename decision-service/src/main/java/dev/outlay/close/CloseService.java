/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import dev.outlay.actions.ActionEvent;
import dev.outlay.actions.ActionOutbox;
import dev.outlay.actions.EventKind;
import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The month-end close of one tenant's billing period: generates the preliminary package, starts the finance review
 * (BPMN {@code monthEndClose}), applies what the review decides, and turns data that changes a FINAL period into a
 * restatement proposal instead of a change. Every step is one transaction with its history event and audit entry.
 */
@ApplicationScoped
public class CloseService {

    private static final Logger LOG = Logger.getLogger(CloseService.class);

    public static final String OPEN = "OPEN";
    public static final String PRELIMINARY = "PRELIMINARY";
    public static final String IN_REVIEW = "IN_REVIEW";
    public static final String FINAL = "FINAL";
    public static final String RESTATED = "RESTATED";
    static final String KIND_CLOSE = "CLOSE";
    static final String KIND_RESTATEMENT = "RESTATEMENT";

    @Inject
    CloseStore db;

    @Inject
    CloseInputsReader reader;

    @Inject
    CloseProcess process;

    @Inject
    AuditLog audit;

    @Inject
    ActionOutbox outbox;

    /**
     * Generates the period's preliminary package and opens its review. A close already under way is joined (the
     * period row is locked, so a concurrent second request waits for the first and then joins it); a FINAL period
     * is refused (later changes become restatement proposals); missing prerequisites are refused with what is missing.
     */
    @Transactional
    public CloseStart preliminary(YearMonth month) {
        LocalDate p = BillingMonth.firstDay(month);
        String actor = actor();
        CloseStore.PeriodRow row = db.lock(p);
        if (PRELIMINARY.equals(row.state()) || IN_REVIEW.equals(row.state())) {
            CloseStore.PackageRow pkg = db.reviewed(p, KIND_CLOSE).orElseThrow();
            db.event(p, actor, "close.joined", "a close of " + month + " is already under review (package v" + pkg.version() + ")");
            return new CloseStart(month.toString(), row.state(), true, pkg.version(), pkg.packageHash(), row.processInstanceId());
        }
        if (FINAL.equals(row.state()) || RESTATED.equals(row.state())) {
            throw CloseRefusedException.conflict("Period " + month + " is " + row.state() + "; data that changes it now becomes a "
                    + "restatement proposal (GET /api/v1/close/periods/" + month + "/restatements).");
        }
        List<CloseRefusedException.Missing> missing = reader.missing(month);
        if (!missing.isEmpty()) {
            throw new CloseRefusedException(CloseRefusedException.Kind.NOT_READY, "Period " + month + " cannot be closed: "
                    + String.join("; ", missing.stream().map(CloseRefusedException.Missing::what).toList()) + ".", missing);
        }
        CloseStore.PackageRow pkg = generate(month, KIND_CLOSE, null, actor);
        db.setPeriod(p, PRELIMINARY, null, row.finalPackageId(), actor);
        db.event(p, actor, "close.preliminary", "package v" + pkg.version() + " sha256:" + pkg.packageHash());
        PackageInputs.Reconciliation recon = CanonicalJson.read(pkg.inputs(), PackageInputs.class).reconciliation();
        db.event(p, actor, "close.reconciliation", recon.status() + (recon.runId() == null ? "" : " (run " + recon.runId() + ")")
                + (recon.note() == null ? "" : ": " + recon.note()));
        String pid = process.start(TenantContext.requireTenant(), month.toString(), CloseProcess.SUBJECT_CLOSE, month.toString(), actor);
        db.setPeriod(p, IN_REVIEW, pid, row.finalPackageId(), actor);
        db.event(p, actor, "close.review-opened", "finance review of package v" + pkg.version());
        audit.record("close.preliminary", "close_period", month.toString(), Map.of("state", row.state()),
                Map.of("state", IN_REVIEW, "packageVersion", pkg.version(), "packageHash", pkg.packageHash(), "processInstanceId", pid));
        notifyReview(month, "close", pkg, "Month-end close " + month + " is ready for finance review");
        return new CloseStart(month.toString(), IN_REVIEW, false, pkg.version(), pkg.packageHash(), pid);
    }

    /** The review asked for a re-run: the package is generated again from the current data; the review starts over. */
    @Transactional
    public void rerun(String period, String subjectType, String subjectId) {
        YearMonth month = YearMonth.parse(period);
        LocalDate p = BillingMonth.firstDay(month);
        String actor = actor();
        if (CloseProcess.SUBJECT_RESTATEMENT.equals(subjectType)) {
            CloseStore.RestatementRow r = db.restatement(UUID.fromString(subjectId)).orElseThrow();
            refreshProposal(month, r, r.triggerKind(), r.triggerId(), actor);
            db.event(p, actor, "restatement.rerun", "restatement " + r.id() + " generated again");
            return;
        }
        List<CloseRefusedException.Missing> missing = reader.missing(month);
        if (!missing.isEmpty()) {
            // The previous package stays under review; the reviewer sees why the re-run did not replace it.
            db.event(p, actor, "close.rerun-refused", String.join("; ", missing.stream().map(CloseRefusedException.Missing::what).toList()));
            return;
        }
        Optional<CloseStore.PackageRow> old = db.reviewed(p, KIND_CLOSE);
        old.ifPresent(o -> db.decidePackage(o.id(), "superseded", actor, "re-run requested"));
        CloseStore.PackageRow pkg = generate(month, KIND_CLOSE, null, actor);
        db.event(p, actor, "close.rerun", "package v" + pkg.version() + " sha256:" + pkg.packageHash()
                + old.map(o -> " replaces v" + o.version()).orElse(""));
        audit.record("close.rerun", "close_period", period, old.map(o -> Map.of("packageVersion", (Object) o.version())).orElse(null),
                Map.of("packageVersion", pkg.version(), "packageHash", pkg.packageHash()));
    }

    /** The review ended: approved (FINAL, or RESTATED with the new version) or rejected (with its reason). */
    @Transactional
    public void decided(String period, String subjectType, String subjectId, String outcome, String decidedBy, String reason) {
        YearMonth month = YearMonth.parse(period);
        LocalDate p = BillingMonth.firstDay(month);
        CloseStore.PeriodRow row = db.lock(p);
        boolean approved = "approved".equals(outcome);
        if (CloseProcess.SUBJECT_RESTATEMENT.equals(subjectType)) {
            CloseStore.RestatementRow r = db.restatement(UUID.fromString(subjectId)).orElseThrow();
            db.decideRestatement(r.id(), approved ? "approved" : "rejected", decidedBy, reason);
            db.decidePackage(r.candidatePackageId(), approved ? "restated" : "rejected", decidedBy, reason);
            CloseStore.PackageRow pkg = db.pkg(r.candidatePackageId()).orElseThrow();
            db.setPeriod(p, approved ? RESTATED : row.state(), null, approved ? pkg.id() : row.finalPackageId(), row.preparedBy());
            db.event(p, decidedBy, approved ? "restatement.approved" : "restatement.rejected",
                    (approved ? "package v" + pkg.version() + " sha256:" + pkg.packageHash() : "package v" + pkg.version() + " not adopted")
                            + (reason == null || reason.isBlank() ? "" : ": " + reason));
            audit.record("close.restatement." + (approved ? "approve" : "reject"), "close_period", period, Map.of("state", row.state()),
                    Map.of("state", approved ? RESTATED : row.state(), "restatementId", r.id().toString(), "packageVersion", pkg.version(),
                            "decidedBy", decidedBy, "reason", String.valueOf(reason)));
            return;
        }
        CloseStore.PackageRow pkg = db.reviewed(p, KIND_CLOSE).orElseThrow();
        db.decidePackage(pkg.id(), approved ? "final" : "rejected", decidedBy, reason);
        db.setPeriod(p, approved ? FINAL : OPEN, null, approved ? pkg.id() : null, row.preparedBy());
        db.event(p, decidedBy, approved ? "close.final" : "close.rejected", "package v" + pkg.version() + " sha256:" + pkg.packageHash()
                + (reason == null || reason.isBlank() ? "" : ": " + reason));
        audit.record("close." + (approved ? "final" : "reject"), "close_period", period, Map.of("state", row.state()),
                Map.of("state", approved ? FINAL : OPEN, "packageVersion", pkg.version(), "packageHash", pkg.packageHash(),
                        "decidedBy", decidedBy, "reason", String.valueOf(reason)));
    }

    /** The review waited past its SLA: leadership is told (through the outbox) and the history says so. */
    @Transactional
    public void escalated(String period, String subjectType, String subjectId) {
        YearMonth month = YearMonth.parse(period);
        LocalDate p = BillingMonth.firstDay(month);
        String actor = actor();
        db.event(p, actor, "review.escalated", subjectType + " review of " + period + " passed its SLA: leadership notified");
        audit.record("close.review.escalate", "close_period", period, null, Map.of("subjectType", subjectType, "subjectId", subjectId,
                "notified", "leadership"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("period", period);
        payload.put("subjectType", subjectType);
        payload.put("summary", "The " + subjectType + " review of " + period + " is past its SLA");
        emit(new ActionEvent(EventKind.CLOSE_REVIEW, "close_period", period, "high", "leadership", null, null, null, payload));
    }

    /**
     * Data changed a period (an ingestion loaded or was retracted, an allocation run re-allocated it). A FINAL or RESTATED period is not altered: the
     * change becomes a restatement proposal (or refreshes the open one) with the candidate package and its diff
     * against the package the period stands on. Other periods are left alone (their next close reads the new data).
     */
    @Transactional
    public Optional<UUID> dataChanged(YearMonth month, String triggerKind, UUID triggerId, String changedBy) {
        LocalDate p = BillingMonth.firstDay(month);
        Optional<CloseStore.PeriodRow> existing = db.period(p);
        if (existing.isPresent() && IN_REVIEW.equals(existing.get().state())) {
            // Not final yet: the package under review is simply out of date; the reviewer decides whether to re-run.
            db.event(p, changedBy, "close.data-changed", triggerKind + " " + triggerId + " changed " + month
                    + " during its review: the package under review does not include it (decide \"rerun\" to regenerate)");
            return Optional.empty();
        }
        if (existing.isEmpty() || !(FINAL.equals(existing.get().state()) || RESTATED.equals(existing.get().state()))) return Optional.empty();
        CloseStore.PeriodRow row = db.lock(p);
        Optional<CloseStore.RestatementRow> open = db.openRestatement(p);
        if (open.isPresent()) {
            refreshProposal(month, open.get(), triggerKind, triggerId, changedBy);
            db.event(p, changedBy, "restatement.refreshed", triggerKind + " " + triggerId + " changed " + month + " again; proposal "
                    + open.get().id() + " regenerated");
            return Optional.of(open.get().id());
        }
        CloseStore.PackageRow base = db.pkg(row.finalPackageId()).orElseThrow();
        Candidate c = candidate(month, base, changedBy);
        if (c == null) {
            db.event(p, changedBy, "restatement.none", triggerKind + " " + triggerId + " left every package row of " + month + " unchanged");
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        db.insertRestatement(id, p, triggerKind, triggerId, base.id(), c.pkg().id(), CanonicalJson.string(c.diff()), changedBy);
        String pid = process.start(TenantContext.requireTenant(), month.toString(), CloseProcess.SUBJECT_RESTATEMENT, id.toString(), changedBy);
        db.linkRestatement(id, pid);
        db.event(p, changedBy, "restatement.proposed", triggerKind + " " + triggerId + " changes " + c.diff().ledgerTotals().size()
                + " ledger-total row(s) and " + c.diff().allocation().size() + " allocation-statement row(s) of package v"
                + base.version() + " (" + row.state() + "); proposal " + id + " (candidate v" + c.pkg().version() + ")");
        audit.record("close.restatement.propose", "close_period", month.toString(), Map.of("packageVersion", base.version()),
                Map.of("restatementId", id.toString(), "candidateVersion", c.pkg().version(), "trigger", triggerKind + ":" + triggerId));
        notifyReview(month, "restatement", c.pkg(), "A restatement of FINAL period " + month + " awaits finance review");
        return Optional.of(id);
    }

    /** The stored package's bytes built again from its stored inputs (a check that the package is reproducible). */
    public ClosePackage regenerate(CloseStore.PackageRow pkg) {
        return PackageBuilder.build(CanonicalJson.read(pkg.inputs(), PackageInputs.class));
    }

    private record Candidate(CloseStore.PackageRow pkg, PackageDiff diff) {
    }

    private void refreshProposal(YearMonth month, CloseStore.RestatementRow r, String triggerKind, UUID triggerId, String actor) {
        CloseStore.PackageRow base = db.pkg(r.basePackageId()).orElseThrow();
        Candidate c = candidate(month, base, actor);
        if (c == null) return; // the data went back to what the FINAL package says; the reviewer can reject the proposal
        db.decidePackage(r.candidatePackageId(), "superseded", actor, "restatement regenerated");
        db.refreshRestatement(r.id(), triggerKind, triggerId, c.pkg().id(), CanonicalJson.string(c.diff()));
    }

    /** A RESTATEMENT package over the current data with its diff against {@code base}, or null if nothing changed. */
    private Candidate candidate(YearMonth month, CloseStore.PackageRow base, String actor) {
        LocalDate p = BillingMonth.firstDay(month);
        PackageInputs before = CanonicalJson.read(base.inputs(), PackageInputs.class);
        int version = db.nextVersion(p);
        PackageInputs now = reader.read(month, version, KIND_RESTATEMENT, base.packageHash());
        PackageDiff diff = PackageDiff.between(before, base.packageHash(), now);
        if (diff.ledgerTotals().isEmpty() && diff.allocation().isEmpty()) return null;
        PackageInputs in = now.as(version, KIND_RESTATEMENT, base.packageHash(), diff);
        ClosePackage built = PackageBuilder.build(in);
        UUID id = UUID.randomUUID();
        db.insertPackage(id, p, version, KIND_RESTATEMENT, "in_review", built, CanonicalJson.string(in), base.id(), actor);
        return new Candidate(db.pkg(id).orElseThrow(), diff);
    }

    private CloseStore.PackageRow generate(YearMonth month, String kind, UUID previous, String actor) {
        LocalDate p = BillingMonth.firstDay(month);
        int version = db.nextVersion(p);
        PackageInputs in = reader.read(month, version, kind, null);
        ClosePackage built = PackageBuilder.build(in);
        UUID id = UUID.randomUUID();
        db.insertPackage(id, p, version, kind, "in_review", built, CanonicalJson.string(in), previous, actor);
        return db.pkg(id).orElseThrow();
    }

    private void notifyReview(YearMonth month, String what, CloseStore.PackageRow pkg, String summary) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("period", month.toString());
        payload.put("subjectType", what);
        payload.put("packageVersion", pkg.version());
        payload.put("packageHash", pkg.packageHash());
        payload.put("summary", summary);
        emit(new ActionEvent(EventKind.CLOSE_REVIEW, "close_period", month.toString(), "medium", "finance", null, null, null, payload));
    }

    private void emit(ActionEvent e) {
        try {
            outbox.emit(e);
        } catch (RuntimeException ex) {
            // A routing rule set that cannot place the event must not block the close; the inbox has the task anyway.
            LOG.warnf(ex, "close review notification for %s not routed", e.subjectId());
        }
    }

    private static String actor() {
        return TenantContext.caller().map(dev.outlay.tenancy.Caller::subject).orElse(CloseProcessListener.TIMER_ACTOR);
    }
}
