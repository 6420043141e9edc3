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
import dev.outlay.model.inventory.MetricSample;
import dev.outlay.model.inventory.ResourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerState;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Table-driven checks of each service's mapping (docs/mappings/aws-inventory.md). */
class AwsInventoryMappersTest {

    static final String ACCOUNT = "111122223333";
    static final Instant SEEN = Instant.parse("2026-12-01T10:20:00Z");
    static final Instant LAUNCH = Instant.parse("2026-11-20T06:00:00Z");

    static Stream<Arguments> instanceStates() {
        return Stream.of(
                Arguments.of("running", "", LAUNCH),
                Arguments.of("pending", null, LAUNCH),
                Arguments.of("stopped", "User initiated (2026-10-01 08:30:00 GMT)", Instant.parse("2026-10-01T08:30:00Z")),
                Arguments.of("stopping", "User initiated (2026-12-01 10:00:00 GMT)", Instant.parse("2026-12-01T10:00:00Z")),
                Arguments.of("stopped", "Server.ScheduledStop: Stopped due to scheduled retirement", null),
                Arguments.of("stopped", "", null));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("instanceStates")
    void instanceStateSince(String state, String reason, Instant since) {
        Instance i = Instance.builder().instanceId("i-01").instanceType("m5.large").launchTime(LAUNCH)
                .state(InstanceState.builder().name(state).build()).stateTransitionReason(reason).build();
        InventoryItem item = Ec2Mapper.instance(ACCOUNT, "eu-west-1", i, SEEN);
        assertEquals(state, item.state());
        assertEquals(since, item.stateSince());
        assertEquals(ResourceKind.COMPUTE_INSTANCE, item.kind());
        assertEquals("m5.large", item.size());
        assertEquals("on-demand", item.attributes().get("lifecycle"));
        assertNull(item.createdAt(), "no primary network interface, no creation time");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(nullValues = "NULL", value = {
            "'User initiated (2026-10-01 08:30:00 GMT)', 2026-10-01T08:30:00Z",
            "'Service initiated (2024-02-29 23:59:59 GMT)', 2024-02-29T23:59:59Z",
            "'User initiated (2026-13-01 08:30:00 GMT)', NULL",
            "'User initiated', NULL",
            "'', NULL",
            "NULL, NULL"})
    void transitionTimeFromFreeText(String reason, String expected) {
        assertEquals(expected == null ? null : Instant.parse(expected), Ec2Mapper.transitionTime(reason).orElse(null));
    }

    static Stream<Arguments> volumes() {
        Instant t1 = Instant.parse("2025-01-01T00:00:00Z");
        VolumeAttachment a = VolumeAttachment.builder().instanceId("i-0b").state("attached").attachTime(t1).build();
        VolumeAttachment b = VolumeAttachment.builder().instanceId("i-0a").state("attached").attachTime(t1.plusSeconds(60)).build();
        return Stream.of(
                Arguments.of("available", List.of(), null, null, "0"),
                Arguments.of("in-use", List.of(a), "i-0b", t1, "1"),
                // Multi-attach io2: the lowest instance id stands for the attachment, so the item does not depend on
                // the order AWS lists attachments in.
                Arguments.of("in-use", List.of(a, b), "i-0a", t1.plusSeconds(60), "2"));
    }

    @ParameterizedTest(name = "{0} {4} attachments")
    @MethodSource("volumes")
    void volumeAttachment(String state, List<VolumeAttachment> attachments, String attachedTo, Instant since, String count) {
        Volume v = Volume.builder().volumeId("vol-01").state(state).volumeType("gp2").size(100)
                .availabilityZone("eu-west-1a").attachments(attachments).build();
        InventoryItem item = Ec2Mapper.volume(ACCOUNT, "eu-west-1", v, SEEN);
        assertEquals(state, item.state());
        assertEquals(attachedTo, item.attachedTo());
        assertEquals(since, item.stateSince());
        assertEquals(count, item.attributes().get("attachmentCount"));
        assertEquals("100", item.attributes().get("volumeSizeGiB"));
        assertEquals("gp2", item.size());
        assertEquals("eu-west-1a", item.zone());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(nullValues = "NULL", value = {
            // publicIp, allocationId, instanceId, eni, associationId -> resourceId, state, attachedTo
            "203.0.113.1, eipalloc-1, i-01, eni-01, eipassoc-1, 203.0.113.1, associated, i-01",
            "203.0.113.2, eipalloc-2, NULL, eni-02, eipassoc-2, 203.0.113.2, associated, eni-02",
            "203.0.113.3, eipalloc-3, NULL, NULL, NULL, 203.0.113.3, unassociated, NULL",
            "NULL, eipalloc-4, NULL, NULL, NULL, eipalloc-4, unassociated, NULL"})
    void addressAssociation(String ip, String alloc, String instance, String eni, String assoc,
                            String id, String state, String attachedTo) {
        Address a = Address.builder().publicIp(ip).allocationId(alloc).instanceId(instance).networkInterfaceId(eni)
                .associationId(assoc).domain("vpc").build();
        InventoryItem item = Ec2Mapper.address(ACCOUNT, "eu-west-1", a, SEEN);
        assertEquals(id, item.resourceId());
        assertEquals(state, item.state());
        assertEquals(attachedTo, item.attachedTo());
        assertEquals(alloc, item.attributes().get("allocationId"));
        assertEquals(ResourceKind.PUBLIC_IP, item.kind());
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(nullValues = "NULL", value = {
            "eu-west-1, vol-0a, arn:aws:ec2:eu-west-1:111122223333:snapshot/snap-01, vol-0a",
            "eu-west-1, vol-ffffffff, arn:aws:ec2:eu-west-1:111122223333:snapshot/snap-01, NULL",
            "cn-north-1, NULL, arn:aws-cn:ec2:cn-north-1:111122223333:snapshot/snap-01, NULL",
            "us-gov-west-1, vol-0b, arn:aws-us-gov:ec2:us-gov-west-1:111122223333:snapshot/snap-01, vol-0b"})
    void snapshotArnAndSource(String region, String volumeId, String arn, String source) {
        Instant started = Instant.parse("2023-02-01T03:00:00Z");
        Snapshot s = Snapshot.builder().snapshotId("snap-01").volumeId(volumeId).state("completed").startTime(started).volumeSize(50).build();
        InventoryItem item = Ec2Mapper.snapshot(ACCOUNT, region, s, SEEN);
        assertEquals(arn, item.resourceId());
        assertEquals(source, item.attachedTo());
        assertEquals(started, item.createdAt());
        assertEquals("snap-01", item.attributes().get("snapshotId"));
        assertEquals(volumeId, item.attributes().get("sourceVolumeId"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(nullValues = "NULL", value = {
            "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188, app/web/50dc6c495c0c9188",
            "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/tcp-in/73e2d6bc24d8a067, net/tcp-in/73e2d6bc24d8a067",
            "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/tg/1, NULL"})
    void loadBalancerCloudWatchDimension(String arn, String dimension) {
        assertEquals(dimension, ElbMapper.metricDimension(arn));
    }

    @Test
    void loadBalancerStateAndType() {
        LoadBalancer lb = LoadBalancer.builder().loadBalancerArn("arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1")
                .type("application").state(LoadBalancerState.builder().code("active_impaired").build()).build();
        InventoryItem item = ElbMapper.loadBalancer(ACCOUNT, "eu-west-1", lb, List.of(), SEEN);
        assertEquals("active_impaired", item.state());
        assertEquals("application", item.size());
        assertEquals("app/web/1", item.attributes().get("cloudWatchDimension"));
    }

    @ParameterizedTest(name = "[{index}] multiAz={0} source={1}")
    @CsvSource(nullValues = "NULL", value = {
            "true, NULL, true, NULL",
            "false, orders, false, orders",
            "NULL, NULL, false, NULL"})
    void dbInstanceMultiAzAndReplica(Boolean multiAz, String source, String expectedMultiAz, String expectedSource) {
        DBInstance db = DBInstance.builder().dbInstanceIdentifier("orders-r").dbInstanceArn("arn:aws:rds:eu-west-1:111122223333:db:orders-r")
                .dbInstanceClass("db.m6g.large").engine("mysql").dbInstanceStatus("Available").multiAZ(multiAz)
                .readReplicaSourceDBInstanceIdentifier(source).build();
        InventoryItem item = RdsMapper.dbInstance(ACCOUNT, "eu-west-1", db, SEEN);
        assertEquals(expectedMultiAz, item.attributes().get("multiAz"));
        assertEquals(expectedSource, item.attributes().get("readReplicaSource"));
        assertEquals("available", item.state(), "states are lower case");
        assertEquals("db.m6g.large", item.size());
        assertEquals(ResourceKind.DATABASE_INSTANCE, item.kind());
    }

    @Test
    void planAsksTheMetricsEachKindNeeds() {
        List<InventoryItem> items = List.of(
                item("i-01", ResourceKind.COMPUTE_INSTANCE, "m5.large", Map.of()),
                item("vol-01", ResourceKind.BLOCK_VOLUME, "gp3", Map.of()),
                item("arn:lb/app/a/1", ResourceKind.LOAD_BALANCER, "application", Map.of("cloudWatchDimension", "app/a/1")),
                item("arn:lb/net/b/2", ResourceKind.LOAD_BALANCER, "network", Map.of("cloudWatchDimension", "net/b/2")),
                item("arn:db:x", ResourceKind.DATABASE_INSTANCE, "db.t3.micro", Map.of("identifier", "x")),
                item("203.0.113.1", ResourceKind.PUBLIC_IP, null, Map.of()));
        List<MetricQuery> plan = MetricQuery.plan(items);
        Map<String, String> byResource = plan.stream().collect(Collectors.groupingBy(MetricQuery::resourceId, java.util.TreeMap::new,
                Collectors.mapping(q -> q.cloudWatchName() + ":" + q.stat().wire, Collectors.joining(","))));
        assertEquals(Map.of(
                "i-01", "CPUUtilization:Average,CPUUtilization:Maximum,NetworkIn:Sum,NetworkIn:Average,NetworkIn:Maximum,"
                        + "NetworkOut:Sum,NetworkOut:Average,NetworkOut:Maximum",
                "vol-01", "VolumeReadOps:Sum,VolumeReadOps:Average,VolumeReadOps:Maximum,"
                        + "VolumeWriteOps:Sum,VolumeWriteOps:Average,VolumeWriteOps:Maximum",
                "arn:lb/app/a/1", "RequestCount:Sum",
                "arn:db:x", "CPUUtilization:Average,CPUUtilization:Maximum,DatabaseConnections:Average,DatabaseConnections:Maximum"),
                byResource);
        for (int i = 0; i < plan.size(); i++) assertEquals("m" + i, plan.get(i).id());
        assertEquals("app/a/1", plan.stream().filter(q -> q.metric() == MetricName.REQUEST_COUNT).findFirst().orElseThrow().dimensionValue());
    }

    @Test
    void metricResultsMergeByPeriodAndSkipNonNumbers() {
        List<MetricQuery> plan = MetricQuery.plan(List.of(item("vol-01", ResourceKind.BLOCK_VOLUME, "gp3", Map.of())));
        CloudWatchMapper m = new CloudWatchMapper(plan, 3600);
        Instant h0 = Instant.parse("2026-11-30T00:00:00Z");
        Instant h1 = h0.plusSeconds(3600);
        m.add(result("m0", List.of(h1, h0), List.of(7.0, 120.0)));        // VolumeReadOps Sum
        m.add(result("m2", List.of(h0, h1), List.of(30.0, Double.NaN)));  // VolumeReadOps Maximum
        List<MetricSample> s = m.samples();
        assertEquals(2, s.size());
        assertEquals(h0, s.get(0).periodStart(), "sorted by period");
        assertEquals(0, new BigDecimal("120").compareTo(s.get(0).sum()));
        assertEquals(0, new BigDecimal("30").compareTo(s.get(0).maximum()));
        assertNull(s.get(0).average());
        assertNull(s.get(1).maximum(), "NaN is no datapoint");
        assertThrows(IllegalStateException.class, () -> m.add(result("m99", List.of(h0), List.of(1.0))));
        assertThrows(IllegalStateException.class, () -> m.add(result("m1", List.of(h0, h1), List.of(1.0))));
    }

    static MetricDataResult result(String id, List<Instant> ts, List<Double> vs) {
        return MetricDataResult.builder().id(id).timestamps(ts).values(vs).statusCode("Complete").build();
    }

    static InventoryItem item(String id, ResourceKind kind, String size, Map<String, String> attrs) {
        return new InventoryItem("aws", ACCOUNT, "eu-west-1", null, id, kind, null, size, null, null, null, Map.of(), attrs, SEEN);
    }
}
