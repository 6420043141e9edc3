/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.Optional;

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

    /** A breached freshness window becomes one sli_breach action event per episode (SliBreaches); off in tests. */
    @WithDefault("true")
    boolean sliCheck();

    /** How often the freshness SLI is checked for every active tenant. */
    @WithDefault("15m")
    String sliCheckEvery();

    /**
     * A load of at least this many rows refreshes the planner statistics of the ledger partitions it touched before
     * it reports success (autovacuum would do so only a minute or more later); 0 turns it off.
     */
    @WithDefault("100000")
    long analyzeMinRows();

    /** Demo tenants get the generated multi-provider data set through the pipeline at creation. */
    @WithDefault("true")
    boolean demoSeed();

    /** Days of generated demo data (ending yesterday). */
    @WithDefault("90")
    int demoDays();

    /** Longest window {@code POST /api/v1/sources/{id}/backfill} accepts, in billing months. */
    @WithDefault("12")
    int backfillMaxMonths();

    /** How often configured S3 sources are polled for the current and previous billing period. */
    @WithDefault("60")
    int s3PollMinutes();

    /** S3 CUR export sources by id: {@code outlay.ingestion.s3.<id>.tenant|bucket|prefix|export-name|manifest-key|region|endpoint}. */
    Map<String, S3Source> s3();

    interface S3Source {
        String tenant();

        String bucket();

        Optional<String> prefix();

        /** Required unless {@code manifest-key} names the manifest. */
        Optional<String> exportName();

        /** A manifest key template with {billingPeriod} or {range}, for layouts other than AWS's default. */
        Optional<String> manifestKey();

        Optional<String> region();

        Optional<String> endpoint();
    }
}
