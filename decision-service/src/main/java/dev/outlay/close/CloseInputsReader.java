/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a period's close package rests on from the ledger, the allocation runs, the manifest of ingestions and
 * (when that table exists) the reconciliation runs, and says what is missing before a close may start.
 */
@ApplicationScoped
public class CloseInputsReader {

    @Inject
    CloseStore db;

    private record Run(String id, String versionHash) {
    }

    /** Why the period cannot be closed now; empty when it can. */
    public List<CloseRefusedException.Missing> missing(YearMonth month) {
        Date p = Date.valueOf(BillingMonth.firstDay(month));
        List<CloseRefusedException.Missing> missing = new ArrayList<>();
        long rows = db.query("SELECT count(*) FROM outlay.ledger_daily WHERE billing_period = ?", rs -> rs.getLong(1), p).get(0);
        if (rows == 0) missing.add(new CloseRefusedException.Missing("ledger", "no ledger charges for " + month));
        // A failed ingestion counts against the period if it names the period, or if it names none (it failed before
        // its periods were known) and is still its source's latest attempt: nothing loaded since replaced it.
        db.query("""
                SELECT i.id, i.source, i.object_key FROM outlay.ingestion i
                WHERE i.status = 'failed' AND (? = ANY (i.billing_periods) OR cardinality(i.billing_periods) = 0)
                  AND NOT EXISTS (SELECT 1 FROM outlay.ingestion j WHERE j.source = i.source
                                  AND j.status IN ('succeeded', 'duplicate') AND j.created_at > i.created_at)
                ORDER BY i.created_at, i.id""", rs -> new CloseRefusedException.Missing("ingestion:" + rs.getString(1),
                "failed ingestion of " + rs.getString(3) + " (source " + rs.getString(2) + "): load it again successfully or retract it"),
                month.toString()).forEach(missing::add);
        if (allocationRun(p).isEmpty()) {
            missing.add(new CloseRefusedException.Missing("allocationRun", "no succeeded allocation run for " + month
                    + ": POST /api/v1/allocations/runs {\"billingPeriod\":\"" + month + "\"}"));
        }
        return missing;
    }

    public PackageInputs read(YearMonth month, int version, String kind, String previousHash) {
        Date p = Date.valueOf(BillingMonth.firstDay(month));
        List<PackageInputs.LedgerTotal> totals = db.query("""
                SELECT provider_name, billing_account_id, service_name, billing_currency, sum(billed_cost), sum(effective_cost), sum(row_count)
                FROM outlay.ledger_daily WHERE billing_period = ?
                GROUP BY provider_name, billing_account_id, service_name, billing_currency""",
                rs -> new PackageInputs.LedgerTotal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        CanonicalJson.normalize(rs.getBigDecimal(5)), CanonicalJson.normalize(rs.getBigDecimal(6)), rs.getLong(7)), p);

        PackageInputs.AllocationStatement allocation = null;
        List<PackageInputs.RuleVersion> rules = new ArrayList<>();
        Optional<Run> run = allocationRun(p);
        if (run.isPresent()) {
            List<PackageInputs.AllocationLine> lines = db.query("""
                    SELECT team, product, environment, cost_center, coalesce(currency, ''), sum(direct_cost), sum(shared_cost), sum(total_cost)
                    FROM outlay.allocation_line WHERE run_id = ?
                    GROUP BY team, product, environment, cost_center, coalesce(currency, '')""",
                    rs -> new PackageInputs.AllocationLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            CanonicalJson.normalize(rs.getBigDecimal(6)), CanonicalJson.normalize(rs.getBigDecimal(7)),
                            CanonicalJson.normalize(rs.getBigDecimal(8))), java.util.UUID.fromString(run.get().id()));
            allocation = new PackageInputs.AllocationStatement(run.get().id(), run.get().versionHash(), lines);
            rules.add(new PackageInputs.RuleVersion("allocation", run.get().versionHash(), "allocation-run:" + run.get().id()));
        }

        PackageInputs.Reconciliation recon = reconciliation(p, month);
        if (recon.result() != null) {
            JsonNode v = recon.result().path("ruleVersionHash");
            // Named by what used it, not by the run: the run id would make two runs over the same data two packages.
            if (v.isTextual()) rules.add(new PackageInputs.RuleVersion(recon.result().path("ruleSet").asText("reconciliation"), v.asText(),
                    "reconciliation"));
        }

        List<PackageInputs.IngestionRef> ingestions = db.query("""
                SELECT i.id, i.source, i.source_kind, i.object_key, i.checksum, i.schema_version, i.mapping_sha256, count(*)
                FROM outlay.ledger_charge c JOIN outlay.ingestion i ON i.id = c.ingestion_id
                WHERE c.billing_period = ?
                GROUP BY i.id, i.source, i.source_kind, i.object_key, i.checksum, i.schema_version, i.mapping_sha256""",
                rs -> new PackageInputs.IngestionRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getLong(8)), p);

        return new PackageInputs(PackageInputs.FORMAT, TenantContext.requireTenant(), month.toString(), version, kind, previousHash,
                totals, allocation, recon, ingestions, rules, null);
    }

    private Optional<Run> allocationRun(Date p) {
        return db.query("""
                SELECT id::text, version_hash FROM outlay.allocation_run
                WHERE billing_period = ? AND status = 'succeeded' AND superseded_by IS NULL
                ORDER BY started_at DESC, id LIMIT 1""", rs -> new Run(rs.getString(1), rs.getString(2)), p).stream().findFirst();
    }

    /**
     * The period's latest finished reconciliation run (one still running has no result yet). The table belongs to the reconciliation feature, which may not be
     * installed (migrated) here yet: then the package says so rather than failing.
     */
    private PackageInputs.Reconciliation reconciliation(Date p, YearMonth month) {
        boolean installed = db.query("SELECT to_regclass('outlay.reconciliation_run') IS NOT NULL", rs -> rs.getBoolean(1)).get(0);
        if (!installed) return new PackageInputs.Reconciliation("none", null, "no reconciliation run (reconciliation is not installed)", null);
        return db.query("""
                SELECT id::text, status, result::text FROM outlay.reconciliation_run WHERE period = ? AND status <> 'running'
                ORDER BY created_at DESC, id LIMIT 1""",
                rs -> new PackageInputs.Reconciliation(rs.getString(2), rs.getString(1), null, CanonicalJson.tree(rs.getString(3))), p)
                .stream().findFirst()
                .orElse(new PackageInputs.Reconciliation("none", null, "no reconciliation run for " + month, null));
    }

    static LocalDate first(YearMonth m) {
        return BillingMonth.firstDay(m);
    }
}
