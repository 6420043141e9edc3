/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.connectors.aws.inventory;

import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.MetricName;

import java.util.ArrayList;
import java.util.List;

/**
 * One CloudWatch series to fetch: a resource's metric under one statistic.
 *
 * @param id        GetMetricData query id (must start lower-case, letters/digits/underscore): {@code m<n>}
 * @param dimension the CloudWatch dimension name; {@code dimensionValue} its value for this resource
 */
record MetricQuery(String id, String resourceId, MetricName metric, String namespace, String cloudWatchName,
                   String dimension, String dimensionValue, Statistic stat) {

    enum Statistic {
        AVERAGE("Average"), MAXIMUM("Maximum"), SUM("Sum");

        final String wire;

        Statistic(String wire) {
            this.wire = wire;
        }
    }

    private static final List<Statistic> GAUGE = List.of(Statistic.AVERAGE, Statistic.MAXIMUM);
    private static final List<Statistic> COUNTER = List.of(Statistic.SUM, Statistic.AVERAGE, Statistic.MAXIMUM);

    /** The series the findings need for the items, in item order, ids numbered from 0. */
    static List<MetricQuery> plan(List<InventoryItem> items) {
        List<MetricQuery> out = new ArrayList<>();
        for (InventoryItem item : items) {
            switch (item.kind()) {
                case COMPUTE_INSTANCE -> {
                    add(out, item.resourceId(), MetricName.CPU_UTILIZATION, "AWS/EC2", "CPUUtilization", "InstanceId", item.resourceId(), GAUGE);
                    add(out, item.resourceId(), MetricName.NETWORK_IN, "AWS/EC2", "NetworkIn", "InstanceId", item.resourceId(), COUNTER);
                    add(out, item.resourceId(), MetricName.NETWORK_OUT, "AWS/EC2", "NetworkOut", "InstanceId", item.resourceId(), COUNTER);
                }
                case BLOCK_VOLUME -> {
                    add(out, item.resourceId(), MetricName.VOLUME_READ_OPS, "AWS/EBS", "VolumeReadOps", "VolumeId", item.resourceId(), COUNTER);
                    add(out, item.resourceId(), MetricName.VOLUME_WRITE_OPS, "AWS/EBS", "VolumeWriteOps", "VolumeId", item.resourceId(), COUNTER);
                }
                case LOAD_BALANCER -> {
                    // Only application load balancers count requests; AWS documents Sum as RequestCount's only
                    // meaningful statistic (Average/Maximum/Minimum are all 1).
                    String dim = item.attributes().get("cloudWatchDimension");
                    if ("application".equals(item.size()) && dim != null) {
                        add(out, item.resourceId(), MetricName.REQUEST_COUNT, "AWS/ApplicationELB", "RequestCount", "LoadBalancer", dim,
                                List.of(Statistic.SUM));
                    }
                }
                case DATABASE_INSTANCE -> {
                    String dim = item.attributes().get("identifier");
                    if (dim != null) {
                        add(out, item.resourceId(), MetricName.CPU_UTILIZATION, "AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", dim, GAUGE);
                        // A connection count is a gauge: its Sum over a period means nothing.
                        add(out, item.resourceId(), MetricName.DB_CONNECTIONS, "AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", dim, GAUGE);
                    }
                }
                default -> {
                    // addresses, snapshots and NAT gateways: the detectors use billing and inventory, not metrics
                }
            }
        }
        return out;
    }

    private static void add(List<MetricQuery> out, String resourceId, MetricName metric, String ns, String name,
                            String dimension, String value, List<Statistic> stats) {
        for (Statistic s : stats) {
            out.add(new MetricQuery("m" + out.size(), resourceId, metric, ns, name, dimension, value, s));
        }
    }
}
