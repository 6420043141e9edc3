/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.spark;

import dev.outlay.allocation.OffloadedGroup;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the bulk allocation job, started by the service for an allocation run with engine "spark" (or by
 * spark-submit against a cluster, with the same arguments). Writes the period's decided charge groups as JSON lines
 * to {@code --out} and exits 0; on a refusal prints one {@code outlay-spark:} line saying why and exits 1, which the
 * service turns into the run's problem.
 */
public final class AllocationJob {

    private AllocationJob() {
    }

    public static void main(String[] argv) {
        JobArgs args;
        try {
            args = JobArgs.parse(Arrays.asList(argv), System.getenv());
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
            return;
        }
        SparkSession spark = SparkSession.builder().master(args.master())
                .appName("outlay-allocation " + args.tenant() + " " + args.period())
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8")
                .getOrCreate();
        try {
            spark.sparkContext().setLogLevel("WARN");
            run(spark, args);
        } catch (Exception e) {
            e.printStackTrace();
            refuse(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            spark.stop();
        }
    }

    static void run(SparkSession spark, JobArgs args) throws Exception {
        String xml = Files.readString(args.rules(), StandardCharsets.UTF_8);
        ExecutorRules.verify(args.versionHash(), xml);
        Dataset<Row> ledger = LedgerReader.read(spark, args);
        List<OffloadedGroup> groups = ledger == null ? List.of() : SparkAllocation.decide(ledger, args.versionHash(), xml);
        OffloadedGroup.write(groups, args.out());
        System.out.println("outlay-spark: " + groups.size() + " charge groups of " + args.tenant() + " " + args.period() + " decided");
    }

    private static void refuse(String why) {
        System.out.println("outlay-spark: " + why);
        System.out.flush();
        System.exit(1);
    }
}
