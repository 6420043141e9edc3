/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.spark;

import dev.outlay.allocation.ChargeInputs;
import dev.outlay.allocation.OffloadedGroup;
import dev.outlay.decisions.CanonicalJson;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The job's work on a period's ledger rows: each row's rule inputs built by the service's own {@link ChargeInputs}
 * (tag spellings resolved the same way), summed per inputs, day and currency across the cluster; then every distinct
 * inputs evaluated once, inside the executors, by the stored rule version. Only the groups (far fewer than rows)
 * come back to the driver.
 */
final class SparkAllocation {

    private SparkAllocation() {
    }

    static List<OffloadedGroup> decide(Dataset<Row> ledger, String versionHash, String dmnXml) {
        int dims = ChargeInputs.size();
        JavaPairRDD<String, GroupSums> groups = ledger.javaRDD().mapToPair(row -> {
            String[] columns = new String[dims];
            for (int i = 0; i < dims; i++) columns[i] = row.getString(row.fieldIndex("c" + i));
            TreeMap<String, Object> inputs = new TreeMap<>(ChargeInputs.of(columns, TagsJson.parse(row.getString(row.fieldIndex("tags")))));
            String day = row.getString(row.fieldIndex("day"));
            String currency = row.getString(row.fieldIndex("currency"));
            BigDecimal cost = new BigDecimal(row.getString(row.fieldIndex("cost")));
            // The key the service merges groups by (ChargeGroups), so two spellings of one owner meet here too.
            return new Tuple2<>(inputs + "@" + day + "@" + currency, new GroupSums(inputs, day, currency, cost, 1));
        }).reduceByKey(GroupSums::plus).cache();

        JavaSparkContext sc = JavaSparkContext.fromSparkContext(ledger.sparkSession().sparkContext());
        Broadcast<String> rules = sc.broadcast(dmnXml);
        Map<String, String> decided = groups.values().map(g -> CanonicalJson.write(g.inputs())).distinct()
                .mapToPair(in -> new Tuple2<>(in, ExecutorRules.evaluate(versionHash, rules.value(), in)))
                .collectAsMap();

        List<OffloadedGroup> out = new ArrayList<>();
        for (GroupSums g : groups.values().collect()) {
            String outputs = decided.get(CanonicalJson.write(g.inputs()));
            out.add(new OffloadedGroup(g.inputs(), LocalDate.parse(g.day()), g.currency(), g.effectiveCost(), g.rows(),
                    CanonicalJson.readObject(outputs)));
        }
        groups.unpersist();
        out.sort(Comparator.comparing(OffloadedGroup::sortKey));
        return out;
    }
}
