package dev.outlay.policy;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.budgets.Budget;
import dev.outlay.budgets.BudgetForecast;
import dev.outlay.budgets.BudgetRepository;
import dev.outlay.budgets.BudgetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Validates a request, derives the budget inputs (remaining budget, forecast overrun) from the budget's status and
 * asks the spend policy. Reads only: used by the preview endpoint and before a spend request is recorded.
 */
@ApplicationScoped
public class PolicyCheck {

    public record Evaluation(PolicyRequest request, Budget budget, PolicyInput input, PolicyOutcome outcome) {
    }

    @Inject
    SpendPolicyEvaluator evaluator;

    @Inject
    BudgetRepository budgets;

    @Inject
    BudgetService budgetService;

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

        PolicyInput input;
        if (budget != null) {
            BudgetForecast.Status status = budgetService.status(budget);
            input = new PolicyInput(request.resourceClass(), request.environment(), request.amount(), owner(request, budget),
                    status.remaining(), status.forecastOverrunPct());
        } else {
            input = new PolicyInput(request.resourceClass(), request.environment(), request.amount(), request.owner(), null, null);
        }
        return new Evaluation(request, budget, input, evaluator.evaluate(input));
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
