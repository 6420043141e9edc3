package dev.outlay.ingestion;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the ledger and ingestion ({@code outlay.ingestion.*}). */
@ConfigMapping(prefix = "outlay.ingestion")
public interface IngestionConfig {

    /** Largest accepted upload in bytes (as uploaded, i.e. compressed); larger answers 413. */
    @WithDefault("1073741824")
    long maxUploadBytes();

    /** Worker threads loading files. */
    @WithDefault("2")
    int workers();

    /** A source is "breached" when its last successful ingestion is older than this. */
    @WithDefault("36")
    int freshnessHours();

    /** Demo tenants get the generated multi-provider data set through the pipeline at creation. */
    @WithDefault("true")
    boolean demoSeed();

    /** Days of generated demo data (ending yesterday). */
    @WithDefault("90")
    int demoDays();
}
