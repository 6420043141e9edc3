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
import dev.outlay.model.inventory.MetricSample;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads one AWS account's inventory (EC2 instances, EBS volumes, Elastic IPs, own snapshots, NAT gateways, ELBv2
 * load balancers, RDS instances) and its utilization (CloudWatch GetMetricData, hourly, over the config's window)
 * in every configured region.
 *
 * <p>All or nothing: {@link #read()} either returns everything it read or throws, so a caller never stores half an
 * account. Credentials AWS refuses raise {@link AwsCredentialsRejectedException}; throttling and 5xx are retried by
 * the SDK's standard retry strategy, and when attempts run out (or anything else fails) the read raises
 * {@link AwsInventoryReadException}. A listing the credentials may not call is not a failure of the read: it comes
 * back as a {@link ServiceOutcome.Status#DENIED} outcome so its resources count as unknown rather than absent.
 */
public final class AwsInventoryReader {

    /** Utilization period: hourly, the granularity the idle and rightsizing detectors use. */
    public static final int PERIOD_SECONDS = 3600;
    /** GetMetricData accepts at most 500 queries per call. */
    static final int MAX_QUERIES_PER_CALL = 500;
    /** ELBv2 DescribeTags accepts at most 20 ARNs per call. */
    static final int MAX_TAG_ARNS_PER_CALL = 20;

    private final AwsInventoryConfig config;
    private final Clock clock;
    private final Duration retryBaseDelay;
    private final Duration retryMaxDelay;

    public AwsInventoryReader(AwsInventoryConfig config) {
        this(config, Clock.systemUTC(), Duration.ofMillis(200), Duration.ofSeconds(20));
    }

    /** Explicit clock (the window ends at its last whole hour) and retry backoff bounds. */
    public AwsInventoryReader(AwsInventoryConfig config, Clock clock, Duration retryBaseDelay, Duration retryMaxDelay) {
        this.config = config;
        this.clock = clock;
        this.retryBaseDelay = retryBaseDelay;
        this.retryMaxDelay = retryMaxDelay;
    }

    public AwsInventoryRead read() {
        Instant observedAt = clock.instant();
        Instant end = observedAt.truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(Duration.ofDays(config.lookbackDays()));
        List<InventoryItem> items = new ArrayList<>();
        List<MetricSample> samples = new ArrayList<>();
        List<ServiceOutcome> outcomes = new ArrayList<>();
        try (AwsInventoryClients clients = new AwsInventoryClients(config, retryBaseDelay, retryMaxDelay)) {
            for (String region : config.regions()) {
                List<InventoryItem> regional = new ArrayList<>();
                new Region(region, observedAt, regional, outcomes).readAll(clients);
                regional.sort(ITEM_ORDER);
                items.addAll(regional);
                samples.addAll(metrics(clients.cloudWatch(region), region, regional, start, end, outcomes));
            }
        }
        // Regions are read in the config's order; the result is ordered the same whatever that order was.
        items.sort(ITEM_ORDER);
        samples.sort(CloudWatchMapper.ORDER);
        return new AwsInventoryRead(config.accountId(), observedAt, start, end, items, samples, outcomes);
    }

    static final Comparator<InventoryItem> ITEM_ORDER = Comparator.comparing(InventoryItem::region)
            .thenComparing(InventoryItem::kind).thenComparing(InventoryItem::resourceId);

    /** The listings of one region. */
    private final class Region {
        final String region;
        final Instant observedAt;
        final List<InventoryItem> out;
        final List<ServiceOutcome> outcomes;

        Region(String region, Instant observedAt, List<InventoryItem> out, List<ServiceOutcome> outcomes) {
            this.region = region;
            this.observedAt = observedAt;
            this.out = out;
            this.outcomes = outcomes;
        }

        void readAll(AwsInventoryClients clients) {
            Ec2Client ec2 = clients.ec2(region);
            String account = config.accountId();
            listing("ec2:instances", "ec2:DescribeInstances", found -> {
                int calls = 0;
                for (DescribeInstancesResponse page : ec2.describeInstancesPaginator(r -> r.maxResults(1000))) {
                    calls++;
                    for (Reservation res : page.reservations()) {
                        // Terminated instances linger in the answer for about an hour and bill nothing.
                        res.instances().stream().filter(i -> i.state() == null || !"terminated".equals(i.state().nameAsString()))
                                .forEach(i -> found.add(Ec2Mapper.instance(account, region, i, observedAt)));
                    }
                }
                return calls;
            });
            listing("ec2:volumes", "ec2:DescribeVolumes", found -> {
                int calls = 0;
                for (DescribeVolumesResponse page : ec2.describeVolumesPaginator(r -> r.maxResults(1000))) {
                    calls++;
                    page.volumes().forEach(v -> found.add(Ec2Mapper.volume(account, region, v, observedAt)));
                }
                return calls;
            });
            listing("ec2:addresses", "ec2:DescribeAddresses", found -> {
                // DescribeAddresses is not paginated: one answer holds every address of the region.
                DescribeAddressesResponse r = ec2.describeAddresses(b -> { });
                r.addresses().forEach(a -> found.add(Ec2Mapper.address(account, region, a, observedAt)));
                return 1;
            });
            listing("ec2:snapshots", "ec2:DescribeSnapshots", found -> {
                int calls = 0;
                // Without OwnerIds=self the answer includes every public snapshot in the region.
                for (DescribeSnapshotsResponse page : ec2.describeSnapshotsPaginator(r -> r.ownerIds("self").maxResults(1000))) {
                    calls++;
                    page.snapshots().forEach(s -> found.add(Ec2Mapper.snapshot(account, region, s, observedAt)));
                }
                return calls;
            });
            listing("ec2:nat-gateways", "ec2:DescribeNatGateways", found -> {
                int calls = 0;
                for (DescribeNatGatewaysResponse page : ec2.describeNatGatewaysPaginator(r -> r.maxResults(1000))) {
                    calls++;
                    // Deleted and failed gateways stay listed for about an hour and bill nothing.
                    page.natGateways().stream()
                            .filter(n -> n.state() != NatGatewayState.DELETED && n.state() != NatGatewayState.FAILED)
                            .forEach(n -> found.add(Ec2Mapper.natGateway(account, region, n, observedAt)));
                }
                return calls;
            });
            ElasticLoadBalancingV2Client elb = clients.elbv2(region);
            listing("elbv2:load-balancers", "elasticloadbalancing:DescribeLoadBalancers", found -> {
                int calls = 0;
                List<LoadBalancer> lbs = new ArrayList<>();
                for (DescribeLoadBalancersResponse page : elb.describeLoadBalancersPaginator(r -> r.pageSize(400))) {
                    calls++;
                    lbs.addAll(page.loadBalancers());
                }
                Map<String, List<Tag>> tags = new HashMap<>();
                for (int i = 0; i < lbs.size(); i += MAX_TAG_ARNS_PER_CALL) {
                    List<String> arns = lbs.subList(i, Math.min(lbs.size(), i + MAX_TAG_ARNS_PER_CALL)).stream()
                            .map(LoadBalancer::loadBalancerArn).toList();
                    calls++;
                    for (TagDescription d : elb.describeTags(r -> r.resourceArns(arns)).tagDescriptions()) {
                        tags.put(d.resourceArn(), d.tags());
                    }
                }
                for (LoadBalancer lb : lbs) {
                    found.add(ElbMapper.loadBalancer(account, region, lb, tags.getOrDefault(lb.loadBalancerArn(), List.of()), observedAt));
                }
                return calls;
            });
            RdsClient rds = clients.rds(region);
            listing("rds:db-instances", "rds:DescribeDBInstances", found -> {
                int calls = 0;
                for (DescribeDbInstancesResponse page : rds.describeDBInstancesPaginator(r -> r.maxRecords(100))) {
                    calls++;
                    page.dbInstances().forEach(db -> found.add(RdsMapper.dbInstance(account, region, db, observedAt)));
                }
                return calls;
            });
        }

        /** Runs one listing into a scratch list; only a complete listing reaches the read. */
        void listing(String service, String api, Function<List<InventoryItem>, Integer> body) {
            List<InventoryItem> found = new ArrayList<>();
            try {
                int calls = AwsErrors.call(api, config.accountId(), region, () -> body.apply(found));
                out.addAll(found);
                outcomes.add(new ServiceOutcome(service, region, ServiceOutcome.Status.READ, found.size(), calls, null));
            } catch (AwsServiceException denied) {
                outcomes.add(new ServiceOutcome(service, region, ServiceOutcome.Status.DENIED, 0, 0,
                        AwsErrors.code(denied) + ": " + AwsErrors.message(denied)));
            }
        }
    }

    private List<MetricSample> metrics(CloudWatchClient cw, String region, List<InventoryItem> items, Instant start,
                                       Instant end, List<ServiceOutcome> outcomes) {
        List<MetricQuery> plan = MetricQuery.plan(items);
        CloudWatchMapper mapper = new CloudWatchMapper(plan, PERIOD_SECONDS);
        int calls = 0;
        try {
            for (int i = 0; i < plan.size(); i += MAX_QUERIES_PER_CALL) {
                List<MetricQuery> batch = plan.subList(i, Math.min(plan.size(), i + MAX_QUERIES_PER_CALL));
                GetMetricDataRequest request = GetMetricDataRequest.builder()
                        .metricDataQueries(batch.stream().map(AwsInventoryReader::query).toList())
                        .startTime(start).endTime(end)
                        // Oldest first, so pages append in time order and the same data gives the same samples.
                        .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                        .build();
                // A call returns at most 100,800 datapoints; 500 hourly series over 14 days are 168,000, so the
                // SDK paginator follows NextToken until every series is complete.
                calls += AwsErrors.call("cloudwatch:GetMetricData", config.accountId(), region, () -> {
                    int pages = 0;
                    for (GetMetricDataResponse page : cw.getMetricDataPaginator(request)) {
                        pages++;
                        for (MetricDataResult r : page.metricDataResults()) {
                            if (r.statusCode() == StatusCode.INTERNAL_ERROR) {
                                throw new AwsInventoryReadException("cloudwatch:GetMetricData", config.accountId(), region,
                                        "query " + r.id() + " answered InternalError", null);
                            }
                            if (r.statusCode() == StatusCode.FORBIDDEN) {
                                throw AwsServiceException.builder().awsErrorDetails(
                                        software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                                                .errorCode("AccessDenied").errorMessage("query " + r.id() + " answered Forbidden")
                                                .build()).build();
                            }
                            try {
                                mapper.add(r);
                            } catch (IllegalStateException malformed) {
                                throw new AwsInventoryReadException("cloudwatch:GetMetricData", config.accountId(), region,
                                        malformed.getMessage(), malformed);
                            }
                        }
                    }
                    return pages;
                });
            }
        } catch (AwsServiceException denied) {
            outcomes.add(new ServiceOutcome("cloudwatch:metrics", region, ServiceOutcome.Status.DENIED, 0, 0,
                    AwsErrors.code(denied) + ": " + AwsErrors.message(denied)));
            return List.of();
        }
        List<MetricSample> samples = mapper.samples();
        outcomes.add(new ServiceOutcome("cloudwatch:metrics", region, ServiceOutcome.Status.READ, samples.size(), calls, null));
        return samples;
    }

    private static MetricDataQuery query(MetricQuery q) {
        return MetricDataQuery.builder().id(q.id()).returnData(true)
                .metricStat(MetricStat.builder()
                        .metric(Metric.builder().namespace(q.namespace()).metricName(q.cloudWatchName())
                                .dimensions(Dimension.builder().name(q.dimension()).value(q.dimensionValue()).build())
                                .build())
                        .period(PERIOD_SECONDS).stat(q.stat().wire).build())
                .build();
    }
}
