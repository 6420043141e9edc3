package dev.outlay.seats;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of SaaS seat connections ({@code outlay.seats.*}). */
@ConfigMapping(prefix = "outlay.seats")
public interface SeatsConfig {

    /**
     * Minutes between scheduled polls of each enabled seat connection (Microsoft 365); 0 disables polling. Seat counts
     * change slowly and the vendor APIs throttle, so the default is every six hours.
     */
    @WithDefault("360")
    int pollMinutes();
}
