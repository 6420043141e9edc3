/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The Spark engine of allocation runs ({@code outlay.spark.*}); see docs/spark-allocation.md. */
@ConfigMapping(prefix = "outlay.spark")
public interface SparkConfig {

    /** Whether a run may ask for {@code "engine": "spark"}. Off by default: a single box needs no Spark. */
    @WithDefault("false")
    boolean enabled();

    /**
     * The job's classpath (the spark-allocation module's classes and dependencies, e.g. the contents of its
     * {@code target/job-classpath.txt} plus its jar), or {@code @path} naming a file that holds it.
     */
    Optional<String> classpath();

    /** Spark master URL handed to the job: {@code local[N]} runs executors as threads of the job's JVM. */
    @WithDefault("local[2]")
    String master();

    /** The Java executable that runs the job's driver. Default: the service's own. */
    Optional<String> java();

    /** Heap of the job's driver JVM. */
    @WithDefault("1g")
    String driverMemory();

    /** A job still running after this long is killed and its run fails. */
    @WithDefault("PT1H")
    Duration timeout();
}
