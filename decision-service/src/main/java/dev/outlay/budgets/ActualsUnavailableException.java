package dev.outlay.budgets;

/**
 * The actual spend of a budget could not be read. Budget status and spend decisions stop here (the API answers
 * 503) instead of treating the budget as unspent, which would let the policy allow what it should block.
 */
public class ActualsUnavailableException extends RuntimeException {

    public ActualsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
