package dev.outlay.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNResult;
import org.kie.kogito.decision.DecisionModel;
import org.kie.kogito.decision.DecisionModels;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates the spend policy shipped in rules/spend-policy through Kogito's build-time model. Replaced at merge by
 * an implementation over the versioned rule-set service, which also fills versionHash and decisionId.
 */
@ApplicationScoped
public class BundledSpendPolicyEvaluator implements SpendPolicyEvaluator {

    static final String NAMESPACE = "https://outlay.dev/rules/spend-policy";
    static final String MODEL = "SpendPolicy";

    @Inject
    DecisionModels decisionModels;

    @Override
    public PolicyOutcome evaluate(PolicyInput in) {
        DecisionModel model = decisionModels.getDecisionModel(NAMESPACE, MODEL);
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("resourceClass", in.resourceClass());
        ctx.put("environment", in.environment());
        ctx.put("amount", in.amount());
        ctx.put("budgetRemaining", in.budgetRemaining());
        ctx.put("forecastOverrunPct", in.forecastOverrunPct());
        DMNResult result = model.evaluateAll(model.newContext(ctx));
        DMNDecisionResult policy = result.getDecisionResultByName("policy");
        if (result.hasErrors() || policy == null || !(policy.getResult() instanceof Map<?, ?> out)) {
            throw new IllegalStateException("spend policy could not be evaluated: " + result.getMessages());
        }
        return new PolicyOutcome(str(out.get("outcome")), str(out.get("reason")), str(out.get("approverRole")),
                out.get("slaHours") instanceof BigDecimal b ? b.intValue() : out.get("slaHours") instanceof Number n ? n.intValue() : null,
                str(out.get("ruleId")), null, null);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
