/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.budgets;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Budget changes, each audited in the same transaction; and the status of a budget against the ledger's actuals. */
@ApplicationScoped
public class BudgetService {

    @Inject
    BudgetRepository repository;

    @Inject
    AuditLog audit;

    @Inject
    ActualSpend actuals;

    Clock clock = Clock.systemUTC();

    public Budget get(UUID id) {
        return repository.find(id).orElseThrow(() -> ProblemException.notFound("No budget " + id + "."));
    }

    @Transactional
    public Budget create(BudgetInput in) {
        validate(in);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Budget b = new Budget(UUID.randomUUID(), in.name().trim(), in.scopeType(), in.scopeValue().trim(), in.period(), in.amount(),
                in.currency(), in.thresholdsOrDefault(), TenantContext.caller().orElseThrow().subject(), now, now);
        repository.insert(b);
        Budget stored = get(b.id()); // as stored (numeric scale), so every answer shows the same amount
        audit.record("budget.create", "budget", b.id().toString(), null, stored);
        return stored;
    }

    @Transactional
    public Budget update(UUID id, BudgetInput in) {
        validate(in);
        Budget before = get(id);
        Budget after = new Budget(id, in.name().trim(), in.scopeType(), in.scopeValue().trim(), in.period(), in.amount(), in.currency(),
                in.thresholdsOrDefault(), before.createdBy(), before.createdAt(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        repository.update(after);
        Budget stored = get(id);
        audit.record("budget.update", "budget", id.toString(), before, stored);
        return stored;
    }

    @Transactional
    public void delete(UUID id) {
        Budget before = get(id);
        if (repository.referenced(id)) {
            throw ProblemException.conflict("Spend requests refer to this budget; it cannot be deleted.");
        }
        repository.delete(id);
        audit.record("budget.delete", "budget", id.toString(), before, null);
    }

    /** @throws ActualsUnavailableException when the actuals cannot be read: a status is never computed without them */
    public BudgetForecast.Status status(Budget b) {
        return burn(b).status();
    }

    /**
     * The status with what a burn chart draws: the period's actual days before the status's as-of day and the day-by-day
     * forecast after it (both per day, not cumulative), from one read of the actuals.
     */
    public record Burn(BudgetForecast.Status status, List<DailyAmount> actuals, List<DailyAmount> forecast) {
    }

    public Burn burn(Budget b) {
        LocalDate today = LocalDate.now(clock);
        BudgetPeriod period = BudgetPeriod.containing(b.period(), today);
        LocalDate historyFrom = period.start().minusDays(BudgetForecast.PROFILE_DAYS);
        List<DailyAmount> history = actuals.daily(b.scope(), b.currency(), historyFrom, period.end());
        BudgetForecast.Status status = BudgetForecast.compute(period, today, b.amount(), b.currency(), b.thresholds(), history);
        List<DailyAmount> inPeriod = history.stream()
                .filter(d -> !d.day().isBefore(period.start()) && d.day().isBefore(status.asOf())).toList();
        return new Burn(status, inPeriod, BudgetForecast.forecastPath(period, today, history));
    }

    private static void validate(BudgetInput in) {
        if (in == null) throw ProblemException.badRequest("A budget body is required.");
        var faults = in.faults();
        if (!faults.isEmpty()) throw ProblemException.unprocessable("The budget is not valid.", faults);
    }
}
