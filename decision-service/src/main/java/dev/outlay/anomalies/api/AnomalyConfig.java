package dev.outlay.anomalies.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Scheduled anomaly detection ({@code outlay.anomalies.*}). */
@ConfigMapping(prefix = "outlay.anomalies")
public interface AnomalyConfig {

    /** Quartz-style cron of the daily detection over every tenant; "off" disables the schedule. */
    @WithDefault("0 30 6 * * ?")
    String cron();

    /** Also detect for a tenant right after each of its successful ingestions. */
    @WithDefault("true")
    boolean afterIngestion();

    /** Days of the detection window, ending at the tenant's newest ledger day. */
    @WithDefault("35")
    int windowDays();
}
