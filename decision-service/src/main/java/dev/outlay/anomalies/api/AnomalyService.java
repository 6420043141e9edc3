/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.api;

import dev.outlay.anomalies.Anomaly;
import dev.outlay.anomalies.AnomalyDetector;
import dev.outlay.anomalies.ClassificationInputs;
import dev.outlay.anomalies.DetectionParameters;
import dev.outlay.anomalies.DetectionResult;
import dev.outlay.anomalies.DailySeries;
import dev.outlay.anomalies.SeriesKey;
import dev.outlay.anomalies.UnitCostSplit;
import dev.outlay.anomalies.alerts.AlertOutcome;
import dev.outlay.anomalies.alerts.AlertPlanner;
import dev.outlay.anomalies.alerts.AnomalySettings;
import dev.outlay.anomalies.alerts.ClassifiedAnomaly;
import dev.outlay.anomalies.alerts.Severity;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.decisions.DecisionService;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Detects anomalies over the ledger (deterministic Java, anomaly-core) and lets the tenant's active
 * anomaly-classification rule set decide cause, severity and routing; each stored anomaly names the rule version
 * and the decision-log entry, so it can be replayed under a newer classification. Series are (sub-account, service)
 * and, where allocation results exist, owners; the tenant's settings tune detection and alert thresholds, alerting
 * suppresses repeats and duplicates, and medium-and-above alerts start triage.
 */
@ApplicationScoped
public class AnomalyService {

    static final String RULE_SET = "anomaly-classification";
    /** Enough history before {@code from} for the weekly baselines (cold start needs 35 days). */
    static final int LOOK_BACK_DAYS = 70;
    /** Stored anomalies this far before {@code from} continue their alert episodes into the new run. */
    static final int HISTORY_DAYS = 31;
    private static final BigDecimal UNKNOWN_SHARE = new BigDecimal("0.5000");

    @Inject
    LedgerSeries series;

    @Inject
    DecisionService decisions;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    AnomalySettingsStore settingsStore;

    @Inject
    AnomalyHistory history;

    @Inject
    AnomalyTriage triage;

    @Inject
    dev.outlay.economics.KpiSeries kpis;

    @Inject
    dev.outlay.events.DomainEvents events;

    @Transactional
    public List<Map<String, Object>> detect(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw ProblemException.badRequest("'to' is before 'from'");
        if (from.plusDays(400).isBefore(to)) throw ProblemException.badRequest("detection windows are at most 400 days");
        String tenant = TenantContext.requireTenant();
        AnomalySettings settings = settingsStore.current();
        DetectionParameters params = settings.parameters();
        int lookBack = lookBack(params);
        AnomalyDetector detector = new AnomalyDetector(params);
        DetectionResult result = detector.detect(allSeries(tenant, from.minusDays(lookBack), to), from, to);
        List<Anomaly> anomalies = result.anomalies();
        if (!anomalies.isEmpty()) {
            DecisionService.BulkResult bulk = decisions.evaluateBulk(RULE_SET, null,
                    anomalies.stream().map(AnomalyService::inputs).toList());
            Map<SeriesKey, String> owners = series.owners(tenant);
            Map<String, String> kpiOwners = kpis.owners();
            List<ClassifiedAnomaly> classified = new ArrayList<>();
            for (int i = 0; i < anomalies.size(); i++) {
                classified.add(classify(anomalies.get(i), bulk.outputs().get(i), owners, kpiOwners));
            }
            List<AlertOutcome> plan = new AlertPlanner(settings).plan(
                    history.past(from.minusDays(HISTORY_DAYS), to), history.snoozes(from), classified);
            Map<String, AlertOutcome> outcomes = new HashMap<>();
            plan.forEach(o -> outcomes.put(o.anomalyId(), o));
            for (int i = 0; i < anomalies.size(); i++) {
                ClassifiedAnomaly c = classified.get(i);
                Map<String, Object> out = bulk.outputs().get(i);
                AlertOutcome o = outcomes.get(c.anomaly().id());
                store(tenant, c, out, bulk.versionHash(), bulk.decisionIds().get(i), o);
                if (o.triage()) {
                    Map<String, Object> cls = classification(out);
                    AnomalyTriage.Started t = triage.start(c, str(cls.get("ruleId")), str(cls.get("explanation")),
                            bulk.versionHash());
                    history.linkTriage(c.anomaly().id(), t.violationId(), t.processInstanceId());
                }
            }
        }
        return list(from, to, null, null, null);
    }

    /** The ledger's account and owner series, then one series per unit-cost KPI and currency. */
    List<DailySeries> allSeries(String tenant, LocalDate from, LocalDate to) {
        List<DailySeries> all = new ArrayList<>(series.load(tenant, from, to));
        all.addAll(kpis.load(from, to));
        return all;
    }

    /** Days of history before a window that its baselines need. */
    static int lookBack(DetectionParameters params) {
        return Math.max(LOOK_BACK_DAYS, params.minHistoryDays() + 7 * params.seasonalWeeks());
    }

    /** Detection over the last {@code days} days of the tenant's ledger (ending at its newest day). */
    @Transactional
    public List<Map<String, Object>> detectRecent(int days) {
        LocalDate newest = history.newestLedgerDay();
        if (newest == null) return List.of();
        return detect(newest.minusDays(days - 1L), newest);
    }

    /**
     * An owner's series is cost only (allocation knows no quantities), so its volume/rate split is unknown, not
     * "all rate": the rule set then says "unknown" instead of blaming a price change.
     */
    static Map<String, Object> inputs(Anomaly a) {
        Map<String, Object> in = ClassificationInputs.of(a);
        if (a.series().dimension() == SeriesKey.Dimension.OWNER) {
            in.put("volumeShare", UNKNOWN_SHARE);
            in.put("rateShare", UNKNOWN_SHARE);
        } else if (a.series().dimension() == SeriesKey.Dimension.KPI) {
            // the rule set's rate is the KPI's efficiency: cost per unit of the business metric
            UnitCostSplit split = UnitCostSplit.of(a);
            in.put("volumeShare", split.volumeShare());
            in.put("rateShare", split.efficiencyShare());
        }
        return in;
    }

    private static ClassifiedAnomaly classify(Anomaly a, Map<String, Object> out, Map<SeriesKey, String> owners,
                                              Map<String, String> kpiOwners) {
        // Owners are known per (sub-account, service); a multi-currency account series names its currency besides.
        String owner = switch (a.series().dimension()) {
            case OWNER -> a.series().owner();
            case KPI -> kpiOwners.get(a.series().kpi());
            case SUB_ACCOUNT_SERVICE -> owners.get(SeriesKey.of(a.series().subAccount(), a.series().service()));
        };
        return new ClassifiedAnomaly(a, str(classification(out).get("cause")),
                Severity.parse(str(out.get("severity"))).orElse(null), str(out.get("routing")), owner);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> classification(Map<String, Object> out) {
        return out.get("classification") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Upsert by deterministic id; a re-detection refreshes the classification but keeps what alerting decided. */
    private void store(String tenant, ClassifiedAnomaly c, Map<String, Object> out, String versionHash,
                       java.util.UUID decisionId, AlertOutcome o) {
        Anomaly a = c.anomaly();
        Map<String, Object> classification = classification(out);
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement("""
                INSERT INTO outlay.anomaly (tenant_id, id, series, sub_account, service, day, direction, cost, baseline, impact,
                  relative_change, score, volume_effect, rate_effect, cause, confidence, severity, routing, rule_id, explanation,
                  version_hash, decision_id, owner, alert, alert_id, kpi, currency, metric_baseline, metric_observed,
                  unit_cost_baseline, unit_cost_observed, unit_cost_driver)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT (tenant_id, id) DO UPDATE SET cause = EXCLUDED.cause, confidence = EXCLUDED.confidence,
                  severity = EXCLUDED.severity, routing = EXCLUDED.routing, rule_id = EXCLUDED.rule_id,
                  explanation = EXCLUDED.explanation, version_hash = EXCLUDED.version_hash, decision_id = EXCLUDED.decision_id,
                  owner = EXCLUDED.owner
                RETURNING (xmax = 0)""")) {
            int i = 1;
            ps.setString(i++, tenant);
            ps.setString(i++, a.id());
            ps.setString(i++, a.series().canonical());
            ps.setString(i++, a.series().subAccount());
            ps.setString(i++, a.series().service());
            ps.setDate(i++, Date.valueOf(a.date()));
            ps.setString(i++, a.direction().name().toLowerCase());
            ps.setBigDecimal(i++, a.cost());
            ps.setBigDecimal(i++, a.baseline());
            ps.setBigDecimal(i++, a.impact());
            ps.setBigDecimal(i++, a.relativeChange());
            ps.setDouble(i++, a.score());
            boolean split = a.decomposition() != null && a.series().dimension() != SeriesKey.Dimension.OWNER;
            UnitCostSplit unit = a.series().dimension() == SeriesKey.Dimension.KPI ? UnitCostSplit.of(a) : null;
            ps.setBigDecimal(i++, unit != null ? unit.volumeEffect() : split ? a.decomposition().volumeEffect() : null);
            ps.setBigDecimal(i++, unit != null ? unit.efficiencyEffect() : split ? a.decomposition().rateEffect() : null);
            ps.setString(i++, c.cause());
            ps.setBigDecimal(i++, classification.get("confidence") == null ? null : new BigDecimal(classification.get("confidence").toString()));
            ps.setString(i++, str(out.get("severity")));
            ps.setString(i++, c.routing());
            ps.setString(i++, str(classification.get("ruleId")));
            ps.setString(i++, str(classification.get("explanation")));
            ps.setString(i++, versionHash);
            ps.setObject(i++, decisionId);
            ps.setString(i++, c.owner());
            ps.setString(i++, o.alert());
            ps.setString(i++, o.alertId());
            ps.setString(i++, a.series().kpi());
            ps.setString(i++, a.series().currency());
            ps.setBigDecimal(i++, unit == null ? null : unit.baselineVolume());
            ps.setBigDecimal(i++, unit == null ? null : unit.volume());
            ps.setBigDecimal(i++, unit == null ? null : unit.baselineUnitCost());
            ps.setBigDecimal(i++, unit == null ? null : unit.unitCost());
            ps.setString(i, unit == null ? null : unit.driver().name().toLowerCase(java.util.Locale.ROOT));
            boolean inserted;
            try (ResultSet rs = ps.executeQuery()) {
                // xmax = 0: the row is new, not a re-detection that refreshed it (only new anomalies are events)
                inserted = rs.next() && rs.getBoolean(1);
            }
            if (inserted) {
                String cur = a.series().currency();
                events.record(new dev.outlay.events.AnomalyDetectedEvent(a.id(), a.series().canonical(), a.date(),
                        a.direction().name().toLowerCase(java.util.Locale.ROOT), dev.outlay.events.Money.of(a.cost(), cur),
                        dev.outlay.events.Money.of(a.baseline(), cur), dev.outlay.events.Money.of(a.impact(), cur), str(out.get("severity")),
                        c.cause(), c.owner()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store anomaly " + a.id(), e);
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static final String COLUMNS = "id, series, sub_account, service, day, direction, cost, baseline, impact, relative_change, "
            + "score, volume_effect, rate_effect, cause, confidence, severity, routing, rule_id, explanation, version_hash, decision_id, "
            + "status, snoozed_until, feedback, detected_at, owner, alert, alert_id, violation_id, process_instance_id, "
            + "kpi, currency, metric_baseline, metric_observed, unit_cost_baseline, unit_cost_observed, unit_cost_driver";

    public List<Map<String, Object>> list(LocalDate from, LocalDate to, String severity, String owner, String status) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM outlay.anomaly WHERE tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(TenantContext.requireTenant()));
        if (from != null) { sql.append(" AND day >= ?"); args.add(Date.valueOf(from)); }
        if (to != null) { sql.append(" AND day <= ?"); args.add(Date.valueOf(to)); }
        if (severity != null) { sql.append(" AND severity = ?"); args.add(severity); }
        if (owner != null) { sql.append(" AND owner = ?"); args.add(owner); }
        if (status != null) { sql.append(" AND status = ?"); args.add(status); }
        sql.append(" ORDER BY day, series, id");
        return query(sql.toString(), args);
    }

    public Optional<Map<String, Object>> find(String id) {
        return query("SELECT " + COLUMNS + " FROM outlay.anomaly WHERE tenant_id = ? AND id = ?",
                List.of(TenantContext.requireTenant(), id)).stream().findFirst();
    }

    /** Snooze (until a date), resolve, or record feedback; audited with before and after. */
    @Transactional
    public Map<String, Object> act(String id, String action, LocalDate until, Boolean truePositive) {
        Map<String, Object> before = find(id).orElseThrow(() -> ProblemException.notFound("No anomaly " + id + "."));
        String sql;
        List<Object> args = new ArrayList<>();
        switch (action) {
            case "snooze" -> {
                if (until == null || !until.isAfter(LocalDate.now())) {
                    throw ProblemException.badRequest("snooze needs a future 'until' date", dev.outlay.api.problem.Problem.Fault.at("until", String.valueOf(until)));
                }
                sql = "UPDATE outlay.anomaly SET status = 'snoozed', snoozed_until = ? WHERE tenant_id = ? AND id = ?";
                args.add(Date.valueOf(until));
            }
            case "resolve" -> sql = "UPDATE outlay.anomaly SET status = 'resolved' WHERE tenant_id = ? AND id = ?";
            case "feedback" -> {
                if (truePositive == null) {
                    throw ProblemException.badRequest("feedback needs 'truePositive': true or false", dev.outlay.api.problem.Problem.Fault.at("truePositive", "missing"));
                }
                sql = "UPDATE outlay.anomaly SET feedback = ? WHERE tenant_id = ? AND id = ?";
                args.add(truePositive ? "true_positive" : "false_positive");
            }
            default -> throw ProblemException.notFound("Unknown action " + action + ".");
        }
        args.add(TenantContext.requireTenant());
        args.add(id);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> after = find(id).orElseThrow();
        if (!java.util.Objects.equals(before.get("status"), after.get("status"))) {
            events.record(new dev.outlay.events.AnomalyStateChangedEvent(id, String.valueOf(before.get("status")), String.valueOf(after.get("status")),
                    "snooze".equals(action) ? until : null, TenantContext.caller().map(dev.outlay.tenancy.Caller::subject).orElse(null)));
        }
        audit.record("anomaly." + action, "anomaly", id, Map.of("status", before.get("status"), "feedback", String.valueOf(before.get("feedback"))),
                Map.of("status", after.get("status"), "feedback", String.valueOf(after.get("feedback"))));
        return after;
    }

    private List<Map<String, Object>> query(String sql, List<Object> args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                var md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof Date d) v = d.toLocalDate().toString();
                        if (v instanceof java.sql.Timestamp t) v = t.toInstant().toString();
                        if (v instanceof java.util.UUID u) v = u.toString();
                        row.put(camel(md.getColumnName(i)), v);
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String camel(String column) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') { up = true; continue; }
            sb.append(up ? Character.toUpperCase(ch) : ch);
            up = false;
        }
        return sb.toString();
    }
}
