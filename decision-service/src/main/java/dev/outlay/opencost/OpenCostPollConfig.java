package dev.outlay.opencost;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of OpenCost connections ({@code outlay.opencost.*}). */
@ConfigMapping(prefix = "outlay.opencost")
public interface OpenCostPollConfig {

    /** Minutes between scheduled polls of each enabled OpenCost connection; 0 disables polling. Days complete once a day. */
    @WithDefault("360")
    int pollMinutes();
}
