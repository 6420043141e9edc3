package dev.outlay.policy;

/**
 * Evaluates the spend-policy rule set. The seam where the versioned rule-set service (tenant versions stored in
 * PostgreSQL) replaces the bundled model: implementations must be side-effect free apart from decision logging.
 */
public interface SpendPolicyEvaluator {

    PolicyOutcome evaluate(PolicyInput input);
}
