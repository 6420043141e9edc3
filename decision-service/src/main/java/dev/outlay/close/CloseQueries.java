/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.kie.kogito.auth.IdentityProviders;
import org.kie.kogito.usertask.UserTaskService;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** What the close API reads: periods, their packages, open review tasks, history and restatements. */
@ApplicationScoped
public class CloseQueries {

    @Inject
    CloseStore db;

    @Inject
    CloseService close;

    @Inject
    CloseConfig config;

    @Inject
    UserTaskService tasks;

    /** Every period with ledger data or a close row, newest first; a period never closed is OPEN. */
    @Transactional
    public List<CloseViews.PeriodSummary> periods() {
        TreeMap<LocalDate, CloseViews.PeriodSummary> out = new TreeMap<>();
        db.query("SELECT DISTINCT billing_period FROM outlay.ledger_daily", rs -> rs.getDate(1).toLocalDate())
                .forEach(p -> out.put(p, new CloseViews.PeriodSummary(YearMonth.from(p).toString(), CloseService.OPEN, null, null, null)));
        for (CloseStore.PeriodRow r : db.periods()) {
            Optional<CloseStore.PackageRow> f = r.finalPackageId() == null ? Optional.empty() : db.pkg(r.finalPackageId());
            out.put(r.period(), new CloseViews.PeriodSummary(YearMonth.from(r.period()).toString(), r.state(),
                    f.map(CloseStore.PackageRow::version).orElse(null), f.map(CloseStore.PackageRow::packageHash).orElse(null), r.updatedAt()));
        }
        return new ArrayList<>(out.descendingMap().values());
    }

    @Transactional
    public CloseViews.PeriodView period(YearMonth month) {
        LocalDate p = BillingMonth.firstDay(month);
        Optional<CloseStore.PeriodRow> row = requirePeriod(month);
        List<CloseStore.PackageRow> packages = db.packages(p);
        Map<UUID, Integer> versions = new HashMap<>();
        packages.forEach(k -> versions.put(k.id(), k.version()));
        List<CloseViews.PackageView> pv = packages.stream().map(k -> view(month, k, versions)).toList();
        List<String> pids = new ArrayList<>();
        row.map(CloseStore.PeriodRow::processInstanceId).ifPresent(pids::add);
        db.openRestatement(p).map(CloseStore.RestatementRow::processInstanceId).filter(Objects::nonNull).ifPresent(pids::add);
        List<CloseViews.EventView> history = db.events(p).stream()
                .map(e -> new CloseViews.EventView(e.at(), e.actor(), e.kind(), e.detail())).toList();
        return new CloseViews.PeriodView(month.toString(), row.map(CloseStore.PeriodRow::state).orElse(CloseService.OPEN),
                row.map(CloseStore.PeriodRow::preparedBy).orElse(null), row.map(CloseStore.PeriodRow::processInstanceId).orElse(null),
                row.map(CloseStore.PeriodRow::finalPackageId).map(versions::get).orElse(null), pv, openTasks(pids), history);
    }

    /** The period's close row; 404 for a period this tenant has neither ledger data for nor ever closed. */
    private Optional<CloseStore.PeriodRow> requirePeriod(YearMonth month) {
        LocalDate p = BillingMonth.firstDay(month);
        Optional<CloseStore.PeriodRow> row = db.period(p);
        if (row.isPresent()) return row;
        boolean hasLedger = db.query("SELECT EXISTS (SELECT 1 FROM outlay.ledger_daily WHERE billing_period = ?)", rs -> rs.getBoolean(1),
                Date.valueOf(p)).get(0);
        if (!hasLedger) throw CloseRefusedException.notFound("No billing period " + month + " (no ledger data, never closed).");
        return row;
    }

    /** The stored zip of one version. */
    @Transactional
    public CloseStore.PackageRow pkg(YearMonth month, int version) {
        return db.packages(BillingMonth.firstDay(month)).stream().filter(k -> k.version() == version).findFirst()
                .orElseThrow(() -> CloseRefusedException.notFound("No package version " + version + " of " + month + "."));
    }

    @Transactional
    public byte[] bytes(YearMonth month, int version) {
        return db.bytes(BillingMonth.firstDay(month), version)
                .orElseThrow(() -> CloseRefusedException.notFound("No package version " + version + " of " + month + "."));
    }

    @Transactional
    public CloseViews.VerifyView verify(YearMonth month, int version) {
        CloseStore.PackageRow k = pkg(month, version);
        ClosePackage again = close.regenerate(k);
        return new CloseViews.VerifyView(version, k.packageHash(), again.packageHash(), k.zipSha256(), again.zipSha256(),
                java.util.Arrays.equals(again.bytes(), bytes(month, version)));
    }

    @Transactional
    public List<CloseViews.RestatementView> restatements(YearMonth month) {
        requirePeriod(month);
        LocalDate p = BillingMonth.firstDay(month);
        // Restatements first: each statement sees its own snapshot (read committed), and a restatement's candidate
        // package commits with it, so packages read afterwards always hold both of its packages (the other order
        // lost a candidate committed in between, seen under load as a null base/candidate).
        List<CloseStore.RestatementRow> rows = db.restatements(p);
        Map<UUID, CloseStore.PackageRow> byId = new HashMap<>();
        db.packages(p).forEach(k -> byId.put(k.id(), k));
        return rows.stream().map(r -> view(r, byId)).toList();
    }

    @Transactional
    public CloseViews.RestatementView restatement(YearMonth month, UUID id) {
        return restatements(month).stream().filter(r -> r.id().equals(id.toString())).findFirst()
                .orElseThrow(() -> CloseRefusedException.notFound("No restatement " + id + " of " + month + "."));
    }

    /** The restatement history as CSV: one line per proposal and changed row (a proposal without rows gets one line). */
    public static String csv(List<CloseViews.RestatementView> list) {
        StringBuilder b = new StringBuilder("restatement_id,period,status,trigger,base_version,candidate_version,proposed_by,proposed_at,"
                + "decided_by,decided_at,reason,section,key,currency,change,before,after,delta\n");
        for (CloseViews.RestatementView r : list) {
            String head = String.join(",", cell(r.id()), cell(r.period()), cell(r.status()), cell(r.triggerKind() + ":" + r.triggerId()),
                    cell(r.baseVersion()), cell(r.candidateVersion()), cell(r.proposedBy()), cell(r.proposedAt()), cell(r.decidedBy()),
                    cell(r.decidedAt()), cell(r.reason()));
            int lines = 0;
            for (PackageDiff.LedgerChange c : r.diff().ledgerTotals()) {
                b.append(head).append(',').append(String.join(",", "ledger-totals", cell(c.provider() + "/" + c.billingAccountId() + "/" + c.serviceName()),
                        cell(c.currency()), c.change(), cell(c.effectiveBefore()), cell(c.effectiveAfter()), cell(c.effectiveDelta()))).append('\n');
                lines++;
            }
            for (PackageDiff.AllocationChange c : r.diff().allocation()) {
                b.append(head).append(',').append(String.join(",", "allocation",
                        cell(c.team() + "/" + c.product() + "/" + c.environment() + "/" + c.costCenter()), cell(c.currency()), c.change(),
                        cell(c.totalBefore()), cell(c.totalAfter()), cell(c.totalDelta()))).append('\n');
                lines++;
            }
            if (lines == 0) b.append(head).append(",,,,,,,\n");
        }
        return b.toString();
    }

    private static String cell(Object v) {
        if (v == null) return "";
        String s = v instanceof java.math.BigDecimal d ? CanonicalJson.normalize(d).toPlainString() : v.toString();
        if (!(v instanceof Number) && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) s = '"' + s.replace("\"", "\"\"") + '"';
        return s;
    }

    private CloseViews.RestatementView view(CloseStore.RestatementRow r, Map<UUID, CloseStore.PackageRow> byId) {
        CloseStore.PackageRow base = byId.get(r.basePackageId());
        CloseStore.PackageRow cand = byId.get(r.candidatePackageId());
        return new CloseViews.RestatementView(r.id().toString(), YearMonth.from(r.period()).toString(), r.status(), r.triggerKind(),
                r.triggerId() == null ? null : r.triggerId().toString(), base.version(), base.packageHash(), cand.version(), cand.packageHash(),
                r.proposedBy(), r.createdAt(), r.decidedBy(), r.decidedAt(), r.reason(), CanonicalJson.read(r.diff(), PackageDiff.class));
    }

    private static CloseViews.PackageView view(YearMonth month, CloseStore.PackageRow k, Map<UUID, Integer> versions) {
        return new CloseViews.PackageView(k.version(), k.kind(), k.status(), k.packageHash(), k.zipSha256(), k.createdBy(), k.createdAt(),
                k.decidedBy(), k.decidedAt(), k.reason(), k.previousId() == null ? null : versions.get(k.previousId()),
                CanonicalJson.tree(k.inputs()).path("reconciliation").path("runId").asText(null), CanonicalJson.tree(k.manifest()),
                "/api/v1/close/periods/" + month + "/packages/" + k.version());
    }

    /**
     * The open review tasks of these process instances. Listed as the review group sees them, so auditors and
     * leadership see who holds the review; acting on a task still goes through the inbox, which checks the caller.
     */
    private List<CloseViews.TaskView> openTasks(List<String> pids) {
        if (pids.isEmpty()) return List.of();
        Caller caller = TenantContext.caller().orElseThrow();
        return tasks.list(IdentityProviders.of(caller.subject(), List.of(config.reviewGroup()))).stream()
                .filter(t -> pids.contains((String) t.getMetadata().get("ProcessInstanceId")))
                .map(t -> new CloseViews.TaskView(t.getId(), t.getTaskName(), t.getStatus() == null ? null : t.getStatus().getName(),
                        t.getActualOwner(), t.getPotentialGroups(), t.getExcludedUsers(),
                        t.getInputs() == null ? null : String.valueOf(t.getInputs().get("subjectType")),
                        t.getInputs() == null ? null : String.valueOf(t.getInputs().get("subjectId"))))
                .toList();
    }

}
