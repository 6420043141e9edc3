/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.budgets.ActualsUnavailableException;
import dev.outlay.budgets.Budget;
import dev.outlay.budgets.BudgetForecast;
import dev.outlay.budgets.BudgetInput;
import dev.outlay.budgets.BudgetRepository;
import dev.outlay.budgets.BudgetScope;
import dev.outlay.budgets.BudgetService;
import dev.outlay.money.MinorUnits;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Budgets: the list with each budget's status against the ledger (actual to date, forecast at the period's end, what
 * is left, the thresholds crossed and on which basis), a form to create one, and a page per budget with its burn
 * chart. Reads and writes go through {@link BudgetService}, so validation, the tenant and the audit entry are the API's.
 */
@Path("/console/budgets")
public class BudgetsPageResource {

    /** As {@code BudgetResource}: who reads budgets, and who may create them. */
    static final Set<String> READERS = Set.of("admin", "finops_admin", "finance", "platform", "engineering", "leadership", "approver", "auditor");
    static final Set<String> WRITERS = Set.of("admin", "finops_admin", "finance");

    @Inject
    CurrentSession current;

    @Inject
    BudgetService budgets;

    @Inject
    BudgetRepository repository;

    @Inject
    @Location("console/budgets.html")
    Template list;

    @Inject
    @Location("console/budget.html")
    Template detail;

    /** One budget's line: its status in the budget's currency, or why the status could not be read. */
    public record Row(String id, String name, String scope, String period, String amount, String currency, String actual,
                      String forecast, String remaining, String overrunPct, String crossed, String problem) {
    }

    /** What the create form sent back, to refill it after a refusal. */
    public record Form(String name, String scopeType, String scopeValue, String period, String amount, String currency,
                       String thresholds) {
        static final Form EMPTY = new Form("", "team", "", "month", "", "USD", "80, 100");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        return render(s, 200, Form.EMPTY, null, null);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response create(@FormParam("csrf") String csrf, @FormParam("name") String name, @FormParam("scopeType") String scopeType,
                           @FormParam("scopeValue") String scopeValue, @FormParam("period") String period,
                           @FormParam("amount") String amount, @FormParam("currency") String currency,
                           @FormParam("thresholds") String thresholds) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        Form form = new Form(name, scopeType, scopeValue, period, amount, currency, thresholds);
        try {
            ConsolePages.requireCsrf(s, csrf);
            ConsolePages.requireAnyRole(s, WRITERS);
            Budget b = budgets.create(new BudgetInput(name, scopeType, scopeValue, period, decimal(amount), currency, percents(thresholds)));
            return ConsolePages.seeOther("/console/budgets/" + b.id());
        } catch (ProblemException e) {
            return render(s, e.problem().status(), form, e.problem(), null);
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response one(@PathParam("id") String id) {
        ConsoleSession s = current.get().orElse(null);
        if (s == null) return ConsolePages.toSignIn();
        try {
            ConsolePages.requireAnyRole(s, READERS);
            Budget b = repository.find(ConsolePages.uuidOr404(id, "budget")).orElseThrow(() -> ProblemException.notFound("No budget " + id + "."));
            Row row = row(b);
            BurnChart chart = null;
            if (row.problem() == null) {
                BudgetService.Burn burn = budgets.burn(b);
                BudgetForecast.Status st = burn.status();
                chart = BurnChart.of(b.currency(), st.period().start(), st.period().end(), st.asOf(), b.amount(), burn.actuals(), burn.forecast());
            }
            return ConsolePages.html(200, detail.data("session", s).data("row", row).data("chart", chart).data("problem", null).render());
        } catch (ProblemException e) {
            return ConsolePages.html(e.problem().status(), detail.data("session", s).data("row", null).data("chart", null)
                    .data("problem", e.problem()).render());
        }
    }

    private Response render(ConsoleSession s, int status, Form form, Problem problem, String notice) {
        if (s.roles().stream().noneMatch(READERS::contains)) {
            Problem p = ProblemException.forbidden("Budgets need one of the roles " + String.join(", ", new java.util.TreeSet<>(READERS)) + ".").problem();
            return ConsolePages.html(403, list.data("session", s).data("rows", List.of()).data("canCreate", false).data("form", form)
                    .data("problem", p).data("faults", faults(null)).data("scopeTypes", BudgetScope.TYPES).data("notice", notice).render());
        }
        List<Row> rows = repository.list().stream().map(this::row).toList();
        boolean canCreate = s.roles().stream().anyMatch(WRITERS::contains);
        return ConsolePages.html(status, list.data("session", s).data("rows", rows).data("canCreate", canCreate).data("form", form)
                .data("problem", problem).data("faults", faults(problem)).data("scopeTypes", BudgetScope.TYPES).data("notice", notice).render());
    }

    /** The problem's faults by form field, so each message is shown next to its control. */
    private static java.util.Map<String, String> faults(Problem p) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        if (p == null || p.errors() == null) return out;
        for (Problem.Fault f : p.errors()) if (f.field() != null) out.merge(f.field(), f.message(), (a, b) -> a + "; " + b);
        return out;
    }

    private Row row(Budget b) {
        String c = b.currency();
        String scope = b.scopeType() + " " + b.scopeValue();
        try {
            BudgetForecast.Status st = budgets.status(b);
            List<String> crossed = new ArrayList<>();
            for (BudgetForecast.Threshold t : st.thresholdsCrossed()) crossed.add(t.pct() + " % (" + t.basis() + ")");
            return new Row(b.id().toString(), b.name(), scope, b.period(), MinorUnits.cell(b.amount(), c), c,
                    MinorUnits.cell(st.actualToDate(), c), MinorUnits.cell(st.forecastAtPeriodEnd(), c), MinorUnits.cell(st.remaining(), c),
                    st.forecastOverrunPct().toPlainString(), crossed.isEmpty() ? "none" : String.join(", ", crossed), null);
        } catch (ActualsUnavailableException e) {
            // A status is never shown without its actuals: the row says why instead of showing an unspent budget.
            return new Row(b.id().toString(), b.name(), scope, b.period(), MinorUnits.cell(b.amount(), c), c, null, null, null, null, null,
                    "Actuals unavailable: " + e.getMessage());
        }
    }

    private static BigDecimal decimal(String amount) {
        if (amount == null || amount.isBlank()) return null;
        try {
            return new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.unprocessable("The budget is not valid.", List.of(Problem.Fault.at("amount", "not a decimal number: " + amount)));
        }
    }

    /** "80, 100" → [80, 100]; blank keeps the API's default thresholds. */
    private static List<Integer> percents(String thresholds) {
        if (thresholds == null || thresholds.isBlank()) return null;
        List<Integer> out = new ArrayList<>();
        for (String part : thresholds.split("[,\\s]+")) {
            if (part.isBlank()) continue;
            try {
                out.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw ProblemException.unprocessable("The budget is not valid.",
                        List.of(Problem.Fault.at("thresholds", "whole percentages separated by commas, not " + part)));
            }
        }
        return out;
    }
}
