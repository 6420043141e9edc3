package dev.outlay.stripe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of Stripe connections ({@code outlay.stripe.*}). */
@ConfigMapping(prefix = "outlay.stripe")
public interface StripePollConfig {

    /**
     * Minutes between scheduled polls of each enabled Stripe connection; 0 disables polling. Fees and revenue arrive
     * all day, and one poll reads the current month (a few pages), so the default is hourly.
     */
    @WithDefault("60")
    int pollMinutes();
}
