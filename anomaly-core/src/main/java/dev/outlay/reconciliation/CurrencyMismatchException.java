package dev.outlay.reconciliation;

/** A line in another currency than the comparison's: amounts in different currencies are never added. */
public final class CurrencyMismatchException extends IllegalArgumentException {
    public CurrencyMismatchException(String expected, String actual, String account, String service) {
        super("line for account " + account + ", service " + service + " is in " + actual
                + " but the comparison is in " + expected);
    }
}
