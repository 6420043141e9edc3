package dev.outlay.stripe;

import java.util.UUID;

/** The connection asked for is not a Stripe connection of the caller's tenant (404, as an unknown id is). */
public class NoStripeConnectionException extends RuntimeException {

    public NoStripeConnectionException(UUID id) {
        super("No Stripe connection " + id + ".");
    }
}
