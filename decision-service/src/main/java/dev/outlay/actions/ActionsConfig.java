/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code outlay.actions.*}: delivery worker and outgoing HTTP settings. */
@ConfigMapping(prefix = "outlay.actions")
public interface ActionsConfig {

    /** After this many failed attempts a delivery is dead-lettered (retry by hand). */
    @WithDefault("8")
    int maxAttempts();

    /** First retry delay; doubled per attempt up to {@link #backoffMax()}, unless the receiver sends Retry-After. */
    @WithDefault("PT10S")
    Duration backoffBase();

    @WithDefault("PT1H")
    Duration backoffMax();

    /** How long a claimed delivery is held by one worker; a crash mid-send makes it due again after this. */
    @WithDefault("PT2M")
    Duration lease();

    @WithDefault("PT10S")
    Duration httpTimeout();

    /** The scheduled worker; tests drive {@code DeliveryWorker.runOnce()} themselves. */
    @WithDefault("true")
    boolean worker();

    /** Plain-http endpoints and loopback/private addresses (local test receivers only); public https otherwise. */
    @WithDefault("false")
    boolean allowInsecureUrls();

    @WithDefault("20")
    int batchSize();

    /**
     * Where a message links to the subject in the console, with {@code {type}} and {@code {id}} replaced (e.g.
     * {@code https://outlay.example/console/{type}/{id}}); no link when unset.
     */
    java.util.Optional<String> consoleLink();

    /** How often the scheduled worker looks for due deliveries (read by its {@code @Scheduled}). */
    @WithDefault("5s")
    String pollEvery();

    /**
     * How often Jira connections without a webhook (no inbound secret) have their linked issues' status read
     * (read by the poller's {@code @Scheduled}); runs with the worker.
     */
    @WithDefault("5m")
    String jiraPollEvery();

    /** Issue keys per Jira search request of a status poll. */
    @WithDefault("50")
    int jiraPollBatch();
}
