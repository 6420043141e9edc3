/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.policy;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.budgets.Budget;
import dev.outlay.budgets.BudgetForecast;
import dev.outlay.budgets.BudgetRepository;
import dev.outlay.budgets.BudgetService;
import dev.outlay.fx.FxRates;
import dev.outlay.money.Conversion;
import dev.outlay.money.FxConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Validates a request, derives the budget inputs (remaining budget, forecast overrun) from the budget's status and
 * asks the spend policy. Reads only: used by the preview endpoint and before a spend request is recorded.
 *
 * <p>Money never crosses currencies unconverted: a request in another currency than its budget is refused (422
 * naming both) unless the tenant keeps an exchange-rate set, which then converts the amount into the budget's
 * currency at the rate in force today; the conversion travels with the input. Actuals that cannot be read stop the
 * evaluation ({@link dev.outlay.budgets.ActualsUnavailableException}): a policy never decides on a budget that only
 * looks unspent.
 */
@ApplicationScoped
public class PolicyCheck {

    /** Where a request names no currency and no budget gives one. */
    public static final String DEFAULT_CURRENCY = "USD";

    public record Evaluation(PolicyRequest request, Budget budget, String currency, PolicyInput input, PolicyOutcome outcome) {
    }

    @Inject
    SpendPolicyEvaluator evaluator;

    @Inject
    BudgetRepository budgets;

    @Inject
    BudgetService budgetService;

    @Inject
    FxRates fxRates;

    Clock clock = Clock.systemUTC();

    public Evaluation evaluate(PolicyRequest request) {
        if (request == null) throw ProblemException.badRequest("A request body is required.");
        List<Problem.Fault> faults = new ArrayList<>(PolicyVocabulary.check(request.resourceClass(), request.environment(), request.amount()));
        if (request.currency() != null && !request.currency().matches("[A-Z]{3}")) {
            faults.add(Problem.Fault.at("currency", "ISO 4217 code, e.g. USD"));
        }
        Budget budget = null;
        if (request.budgetId() != null) {
            budget = parse(request.budgetId()).flatMap(budgets::find).orElse(null);
            if (budget == null) faults.add(Problem.Fault.at("budgetId", "unknown budget"));
        }
        if (!faults.isEmpty()) throw ProblemException.unprocessable("The spend request is not valid.", faults);

        String currency = request.currency() != null ? request.currency() : budget != null ? budget.currency() : DEFAULT_CURRENCY;
        PolicyInput input;
        if (budget != null) {
            Conversion conversion = currency.equals(budget.currency()) ? null : convert(request.amount(), currency, budget);
            BigDecimal amount = conversion == null ? request.amount() : conversion.convertedAmount();
            BudgetForecast.Status status = budgetService.status(budget);
            input = new PolicyInput(request.resourceClass(), request.environment(), amount, budget.currency(), owner(request, budget),
                    status.remaining(), status.forecastOverrunPct(), conversion);
        } else {
            input = new PolicyInput(request.resourceClass(), request.environment(), request.amount(), currency, request.owner(), null, null, null);
        }
        return new Evaluation(request, budget, currency, input, evaluator.evaluate(input));
    }

    private Conversion convert(BigDecimal amount, String currency, Budget budget) {
        FxConverter fx = fxRates.active().orElseThrow(() -> ProblemException.unprocessable(
                "The request is in " + currency + " but budget '" + budget.name() + "' is in " + budget.currency()
                        + "; this tenant keeps no exchange-rate set to convert " + currency + " to " + budget.currency() + ".",
                List.of(Problem.Fault.at("currency", "budget currency is " + budget.currency() + ", request currency is " + currency))));
        return fx.convert(amount, currency, budget.currency(), LocalDate.now(clock));
    }

    private static String owner(PolicyRequest r, Budget b) {
        return r.owner() != null ? r.owner() : b.scopeValue();
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
