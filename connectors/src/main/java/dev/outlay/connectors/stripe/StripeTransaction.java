package dev.outlay.connectors.stripe;

import java.time.Instant;
import java.util.List;

/**
 * One Stripe balance transaction as this reader uses it: amounts in the currency's minor unit, as Stripe sends them
 * ({@code amount} gross, {@code fee} Stripe's part, broken down in {@code fees}).
 */
public record StripeTransaction(String id, String type, Instant created, String currency, long amount, long fee,
                                List<Fee> fees, String description) {

    public StripeTransaction {
        fees = List.copyOf(fees);
    }

    /** One line of {@code fee_details}: {@code stripe_fee}, {@code application_fee} or {@code tax} (tax on the fee). */
    public record Fee(String type, long amount, String currency, String description) {
    }
}
