/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.budgets.ActualsUnavailableException;
import dev.outlay.budgets.Budget;
import dev.outlay.budgets.BudgetForecast;
import dev.outlay.budgets.BudgetRepository;
import dev.outlay.budgets.BudgetService;
import dev.outlay.close.CloseQueries;
import dev.outlay.money.MinorUnits;
import dev.outlay.reconciliation.ReconciliationRun;
import dev.outlay.reconciliation.ReconciliationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The finance home's close, reconciliation and budget figures, read through the services the API's
 * {@code /api/v1/close/periods}, {@code /api/v1/reconciliations} and {@code /api/v1/budgets/{id}/status} use.
 */
@ApplicationScoped
public class FinancePanels {

    /** As {@code CloseResource} and {@code ReconciliationResource} (list). */
    static final Set<String> CLOSE_READERS = Set.of("admin", "finops_admin", "finance", "leadership", "auditor");

    static final int PERIODS = 3;
    static final int RUNS = 3;

    @Inject
    CloseQueries close;

    @Inject
    ReconciliationStore reconciliations;

    @Inject
    BudgetRepository budgets;

    @Inject
    BudgetService budgetService;

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Period(String period, String state, Integer finalPackageVersion) {
    }

    /** {@code outcome}: the run's summary status and breaches once it finished, else empty. */
    public record Reconciliation(String id, String period, String periodState, String status, String outcome, String finishedAt) {
    }

    /** {@code usedPct}: actual to date as a whole percentage of the budget; {@code problem} when actuals were unreadable. */
    public record Burn(String id, String name, String scope, String currency, String budget, String actual, String forecast,
                       String usedPct, String crossed, String problem) {
    }

    public List<Period> periods() {
        return close.periods().stream().limit(PERIODS).map(p -> new Period(p.period(), p.state(), p.finalPackageVersion())).toList();
    }

    public List<Reconciliation> reconciliations() {
        List<Reconciliation> out = new ArrayList<>();
        for (ReconciliationRun r : reconciliations.list(null, RUNS)) {
            // The list carries no results: the summary is read from the run itself.
            String outcome = reconciliations.find(r.id()).map(ReconciliationRun::result).map(FinancePanels::summary).orElse("");
            out.add(new Reconciliation(r.id().toString(), r.period(), r.periodState(), r.status(), outcome,
                    r.finishedAt() == null ? "" : r.finishedAt().toString()));
        }
        return out;
    }

    public List<Burn> burn() {
        List<Burn> out = new ArrayList<>();
        for (Budget b : budgets.list()) {
            String c = b.currency();
            String scope = b.scopeType() + " " + b.scopeValue();
            try {
                BudgetForecast.Status st = budgetService.status(b);
                String used = b.amount().signum() == 0 ? "" : st.actualToDate().multiply(BigDecimal.valueOf(100))
                        .divide(b.amount(), 0, RoundingMode.HALF_UP).toPlainString();
                List<String> crossed = st.thresholdsCrossed().stream().map(t -> t.pct() + " % (" + t.basis() + ")").toList();
                out.add(new Burn(b.id().toString(), b.name(), scope, c, MinorUnits.cell(b.amount(), c), MinorUnits.cell(st.actualToDate(), c),
                        MinorUnits.cell(st.forecastAtPeriodEnd(), c), used, crossed.isEmpty() ? "none" : String.join(", ", crossed), null));
            } catch (ActualsUnavailableException e) {
                out.add(new Burn(b.id().toString(), b.name(), scope, c, MinorUnits.cell(b.amount(), c), null, null, null, null,
                        "Actuals unavailable: " + e.getMessage()));
            }
        }
        return out;
    }

    private static String summary(String resultJson) {
        if (resultJson == null || resultJson.isBlank()) return null;
        try {
            JsonNode s = JSON.readTree(resultJson).path("summary");
            if (s.isMissingNode()) return null;
            return s.path("status").asText() + ", " + s.path("breaches").asInt() + " breaches in " + s.path("checks").asInt() + " checks";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
