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

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.MetricName;
import dev.outlay.model.inventory.MetricSample;
import dev.outlay.model.inventory.ResourceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real SDK clients against WireMock serving recorded-shape answers (fixtures in aws-inventory/). */
class AwsInventoryReaderTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String CW_PATH = "/service/GraniteServiceVersion20100801/operation/GetMetricData";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:20:00Z"), ZoneOffset.UTC);

    WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    AwsInventoryReader reader(AwsInventoryConfig config) {
        return new AwsInventoryReader(config, CLOCK, Duration.ofMillis(5), Duration.ofMillis(50));
    }

    AwsInventoryConfig keys() {
        return AwsInventoryConfig.withKeys(ACCOUNT, List.of(REGION), "AKIAEXAMPLEKEY000001", "secret", wm.baseUrl());
    }

    static ResponseDefinitionBuilder xml(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(CborFixtures.text(fixture));
    }

    static ResponseDefinitionBuilder xmlError(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(CborFixtures.text(fixture));
    }

    static ResponseDefinitionBuilder cbor(int status, String fixture) {
        ResponseDefinitionBuilder r = aResponse().withStatus(status)
                .withHeader("Content-Type", "application/cbor")
                .withHeader("smithy-protocol", "rpc-v2-cbor")
                .withBody(CborFixtures.cbor(fixture));
        return r;
    }

    static MappingBuilder action(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    /** Every listing answers from its fixtures; CloudWatch pages twice (NextToken). */
    void stubAccount() {
        wm.stubFor(action("DescribeInstances").withRequestBody(notContaining("NextToken")).willReturn(xml("ec2-describe-instances-1.xml")));
        wm.stubFor(action("DescribeInstances").withRequestBody(containing("NextToken=instances-page-2")).willReturn(xml("ec2-describe-instances-2.xml")));
        wm.stubFor(action("DescribeVolumes").withRequestBody(notContaining("NextToken")).willReturn(xml("ec2-describe-volumes-1.xml")));
        wm.stubFor(action("DescribeVolumes").withRequestBody(containing("NextToken=volumes-page-2")).willReturn(xml("ec2-describe-volumes-2.xml")));
        wm.stubFor(action("DescribeAddresses").willReturn(xml("ec2-describe-addresses.xml")));
        wm.stubFor(action("DescribeSnapshots").withRequestBody(containing("Owner.1=self")).willReturn(xml("ec2-describe-snapshots.xml")));
        wm.stubFor(action("DescribeNatGateways").willReturn(xml("ec2-describe-nat-gateways.xml")));
        wm.stubFor(action("DescribeLoadBalancers").willReturn(xml("elbv2-describe-load-balancers.xml")));
        wm.stubFor(action("DescribeTags").willReturn(xml("elbv2-describe-tags.xml")));
        wm.stubFor(action("DescribeDBInstances").withRequestBody(notContaining("Marker")).willReturn(xml("rds-describe-db-instances-1.xml")));
        wm.stubFor(action("DescribeDBInstances").withRequestBody(containing("Marker=rds-page-2")).willReturn(xml("rds-describe-db-instances-2.xml")));
        stubCloudWatchPages("cw");
    }

    void stubCloudWatchPages(String scenario) {
        wm.stubFor(post(urlEqualTo(CW_PATH)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(cbor(200, "cloudwatch-get-metric-data-1.json")).willSetStateTo("page-2"));
        wm.stubFor(post(urlEqualTo(CW_PATH)).inScenario(scenario).whenScenarioStateIs("page-2")
                .withRequestBody(containing("cw-page-2"))
                .willReturn(cbor(200, "cloudwatch-get-metric-data-2.json")).willSetStateTo("done"));
    }

    @Test
    void readsEveryServiceAcrossPagesAndMapsToCanonicalItems() {
        stubAccount();
        AwsInventoryRead read = reader(keys()).read();

        Map<String, InventoryItem> byId = read.items().stream().collect(Collectors.toMap(InventoryItem::resourceId, Function.identity()));
        // Three instances (the terminated one is dropped), two volumes over two pages, two addresses, two snapshots,
        // one NAT gateway (the deleted one is dropped), two load balancers, two DB instances.
        assertEquals(14, read.items().size(), () -> byId.keySet().toString());
        assertEquals(List.of("i-0aaa000000000001", "i-0bbb000000000002", "i-0ddd000000000004"), ids(read, ResourceKind.COMPUTE_INSTANCE));
        assertEquals(List.of("vol-0aaa000000000001", "vol-0bbb000000000002"), ids(read, ResourceKind.BLOCK_VOLUME));
        assertEquals(List.of("203.0.113.10", "203.0.113.20"), ids(read, ResourceKind.PUBLIC_IP));
        assertEquals(List.of("arn:aws:ec2:eu-west-1:111122223333:snapshot/snap-0aaa000000000001",
                "arn:aws:ec2:eu-west-1:111122223333:snapshot/snap-0bbb000000000002"), ids(read, ResourceKind.VOLUME_SNAPSHOT));
        assertEquals(List.of("arn:aws:ec2:eu-west-1:111122223333:natgateway/nat-0aaa000000000001"), ids(read, ResourceKind.NAT_GATEWAY));
        assertEquals(List.of("arn:aws:rds:eu-west-1:111122223333:db:orders-dev", "arn:aws:rds:eu-west-1:111122223333:db:orders-dev-replica"),
                ids(read, ResourceKind.DATABASE_INSTANCE));

        InventoryItem stopped = byId.get("i-0bbb000000000002");
        assertEquals("stopped", stopped.state());
        assertEquals(Instant.parse("2026-10-01T08:30:00Z"), stopped.stateSince());
        assertEquals("spot", stopped.attributes().get("lifecycle"));
        InventoryItem running = byId.get("i-0aaa000000000001");
        assertEquals(Instant.parse("2025-03-02T09:15:00Z"), running.createdAt());
        assertEquals(Map.of("Name", "api-1", "env", "prod"), running.tags());

        InventoryItem unattached = byId.get("vol-0bbb000000000002");
        assertEquals("available", unattached.state());
        assertNull(unattached.attachedTo());
        assertEquals("gp3", unattached.size());
        assertEquals("in-use", byId.get("vol-0aaa000000000001").state());
        assertEquals("i-0aaa000000000001", byId.get("vol-0aaa000000000001").attachedTo());

        assertEquals("unassociated", byId.get("203.0.113.20").state());
        assertEquals("eipalloc-0bbb0002", byId.get("203.0.113.20").attributes().get("allocationId"));
        assertNull(byId.get("arn:aws:ec2:eu-west-1:111122223333:snapshot/snap-0bbb000000000002").attachedTo(), "vol-ffffffff is no source");

        InventoryItem web = byId.get("arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188");
        assertEquals("application", web.size());
        assertEquals(Map.of("env", "prod", "team", "web"), web.tags());
        assertEquals("eu-west-1a,eu-west-1b", web.attributes().get("zones"));

        InventoryItem db = byId.get("arn:aws:rds:eu-west-1:111122223333:db:orders-dev");
        assertEquals("true", db.attributes().get("multiAz"));
        assertEquals("db.r6g.large", db.size());
        assertEquals("orders-dev", byId.get("arn:aws:rds:eu-west-1:111122223333:db:orders-dev-replica").attributes().get("readReplicaSource"));

        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), read.windowEnd());
        assertEquals(Instant.parse("2026-11-17T10:00:00Z"), read.windowStart());
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeInstances&")));
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeVolumes&")));
        // CloudWatch in SDK 2.57.8 is smithy-rpcv2-cbor: a CBOR body to /service/<service>/operation/<op>.
        wm.verify(exactly(2), postRequestedFor(urlEqualTo(CW_PATH))
                .withHeader("smithy-protocol", equalTo("rpc-v2-cbor"))
                .withHeader("Content-Type", equalTo("application/cbor")));
        assertEquals(2, outcome(read, "rds:db-instances").calls(), "RDS pages on Marker");
        ServiceOutcome instances = outcome(read, "ec2:instances");
        assertEquals(ServiceOutcome.Status.READ, instances.status());
        assertEquals(2, instances.calls());
        assertEquals(2, outcome(read, "cloudwatch:metrics").calls());
    }

    @Test
    void metricPagesMergeIntoOneSamplePerResourceMetricAndPeriod() {
        stubAccount();
        AwsInventoryRead read = reader(keys()).read();

        List<MetricSample> cpu = read.samples().stream()
                .filter(s -> s.resourceId().equals("i-0aaa000000000001") && s.metric() == MetricName.CPU_UTILIZATION).toList();
        assertEquals(3, cpu.size(), "two periods from page 1, one from page 2");
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), cpu.get(0).periodStart());
        assertEquals(0, new BigDecimal("3.5").compareTo(cpu.get(0).average()));
        assertEquals(0, new BigDecimal("10").compareTo(cpu.get(0).maximum()));
        assertNull(cpu.get(0).sum(), "percent metrics carry no sum");
        assertEquals(0, new BigDecimal("1").compareTo(cpu.get(2).average()));
        assertEquals(0, new BigDecimal("4").compareTo(cpu.get(2).maximum()));
        assertEquals(3600, cpu.get(0).periodSeconds());

        MetricSample netIn = sample(read, "i-0aaa000000000001", MetricName.NETWORK_IN, "2026-11-30T00:00:00Z");
        assertEquals(0, new BigDecimal("1048576").compareTo(netIn.sum()));
        MetricSample requests = sample(read, "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188",
                MetricName.REQUEST_COUNT, "2026-11-30T00:00:00Z");
        assertEquals(0, new BigDecimal("42").compareTo(requests.sum()));
        MetricSample conns = sample(read, "arn:aws:rds:eu-west-1:111122223333:db:orders-dev", MetricName.DB_CONNECTIONS, "2026-11-30T00:00:00Z");
        assertEquals(0, new BigDecimal("3").compareTo(conns.average()));
        assertEquals(0, new BigDecimal("5").compareTo(conns.maximum()));
        assertEquals(7, read.samples().size());
        assertEquals(7, outcome(read, "cloudwatch:metrics").count());
    }

    @Test
    void sameAnswersGiveTheSameRead() {
        stubAccount();
        AwsInventoryRead first = reader(keys()).read();
        wm.resetScenarios();
        AwsInventoryRead second = reader(keys()).read();
        assertEquals(first, second);
    }

    @Test
    void throttlingIsRetriedWithBackoffThenSucceeds() {
        stubAccount();
        // EC2's throttling code on the first DescribeAddresses, CloudWatch's on the first GetMetricData.
        wm.stubFor(action("DescribeAddresses").inScenario("ec2-throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xmlError(503, "ec2-error-request-limit-exceeded.xml")).willSetStateTo("ok"));
        wm.stubFor(action("DescribeAddresses").inScenario("ec2-throttle").whenScenarioStateIs("ok")
                .willReturn(xml("ec2-describe-addresses.xml")));
        wm.stubFor(post(urlEqualTo(CW_PATH)).inScenario("cw").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(cbor(400, "cloudwatch-error-throttling.json").withHeader("x-amzn-query-error", "Throttling;Sender"))
                .willSetStateTo("throttled-once"));
        wm.stubFor(post(urlEqualTo(CW_PATH)).inScenario("cw").whenScenarioStateIs("throttled-once")
                .willReturn(cbor(200, "cloudwatch-get-metric-data-1.json")).willSetStateTo("page-2"));

        AwsInventoryRead read = reader(keys()).read();

        assertEquals(2, ids(read, ResourceKind.PUBLIC_IP).size());
        assertEquals(7, read.samples().size());
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeAddresses&")));
        wm.verify(exactly(3), postRequestedFor(urlEqualTo(CW_PATH)));
    }

    @Test
    void throttlingBeyondTheAttemptCapFailsTheWholeRead() {
        stubAccount();
        wm.stubFor(post(urlEqualTo(CW_PATH)).willReturn(cbor(400, "cloudwatch-error-throttling.json")
                .withHeader("x-amzn-query-error", "Throttling;Sender")));
        // 4, not the SDK's default of 3: the configured strategy is the one in force.
        AwsInventoryConfig four = new AwsInventoryConfig(ACCOUNT, List.of(REGION), "AKIAEXAMPLEKEY000001", "secret",
                null, null, null, wm.baseUrl(), 0, 4);
        AwsInventoryReadException e = assertThrows(AwsInventoryReadException.class, () -> reader(four).read());
        assertEquals("cloudwatch:GetMetricData", e.service());
        assertEquals(ACCOUNT, e.accountId());
        assertTrue(e.getMessage().contains("Throttling"), e.getMessage());
        wm.verify(exactly(4), postRequestedFor(urlEqualTo(CW_PATH)));
    }

    @Test
    void expiredTokenAfterEveryListingSucceededReturnsNothingAndNamesServiceAndAccount() {
        stubAccount();
        wm.stubFor(post(urlEqualTo(CW_PATH)).willReturn(cbor(403, "cloudwatch-error-expired-token.json")
                .withHeader("x-amzn-query-error", "ExpiredToken;Sender")));
        AwsCredentialsRejectedException e = assertThrows(AwsCredentialsRejectedException.class, () -> reader(keys()).read());
        assertEquals("cloudwatch:GetMetricData", e.service());
        assertEquals(ACCOUNT, e.accountId());
        assertEquals(REGION, e.region());
        assertEquals("ExpiredToken", e.errorCode());
        assertTrue(e.getMessage().contains("111122223333") && e.getMessage().contains("cloudwatch:GetMetricData"), e.getMessage());
        // Not retried: a rejected credential does not get better.
        wm.verify(exactly(1), postRequestedFor(urlEqualTo(CW_PATH)));
    }

    @Test
    void ec2AuthFailureIsACredentialRejection() {
        stubAccount();
        wm.stubFor(action("DescribeInstances").willReturn(xmlError(401, "ec2-error-auth-failure.xml")));
        AwsCredentialsRejectedException e = assertThrows(AwsCredentialsRejectedException.class, () -> reader(keys()).read());
        assertEquals("ec2:DescribeInstances", e.service());
        assertEquals("AuthFailure", e.errorCode());
    }

    @Test
    void aDeniedListingIsAnOutcomeNotAHoleInTheRead() {
        stubAccount();
        wm.stubFor(action("DescribeDBInstances").willReturn(xmlError(403, "rds-error-access-denied.xml")));
        wm.stubFor(post(urlEqualTo(CW_PATH)).inScenario("cw").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(cbor(200, "cloudwatch-get-metric-data-ec2-only.json")));
        AwsInventoryRead read = reader(keys()).read();
        ServiceOutcome rds = outcome(read, "rds:db-instances");
        assertEquals(ServiceOutcome.Status.DENIED, rds.status());
        assertTrue(rds.detail().startsWith("AccessDenied: "), rds.detail());
        assertEquals(0, ids(read, ResourceKind.DATABASE_INSTANCE).size());
        assertEquals(ServiceOutcome.Status.READ, outcome(read, "ec2:instances").status());
    }

    @Test
    void roleIsAssumedWithTheExternalIdAndItsSessionSignsTheCalls() {
        stubAccount();
        wm.stubFor(action("AssumeRole").willReturn(xml("sts-assume-role.xml")));
        AwsInventoryConfig role = new AwsInventoryConfig(ACCOUNT, List.of(REGION), "AKIAEXAMPLEKEY000001", "secret", null,
                "arn:aws:iam::111122223333:role/outlay-reader", "tenant-7f3a", wm.baseUrl(), 0, 0);
        AwsInventoryRead read = reader(role).read();
        assertEquals(14, read.items().size());
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole&"))
                .withRequestBody(containing("ExternalId=tenant-7f3a"))
                .withRequestBody(containing("RoleSessionName=outlay-inventory")));
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeInstances&"))
                .withHeader("Authorization", containing("Credential=ASIAEXAMPLEASSUMED01/"))
                .withHeader("X-Amz-Security-Token", equalTo("FwoGZXIvYXdzEXAMPLESESSIONTOKEN")));
    }

    @Test
    void anAnswerForAQueryNobodyAskedFailsTheRead() {
        stubAccount();
        // Without the DB instances the plan has no m39/m40, yet the recorded page 2 answers them.
        wm.stubFor(action("DescribeDBInstances").willReturn(xmlError(403, "rds-error-access-denied.xml")));
        AwsInventoryReadException e = assertThrows(AwsInventoryReadException.class, () -> reader(keys()).read());
        assertEquals("cloudwatch:GetMetricData", e.service());
        assertTrue(e.getMessage().contains("m39"), e.getMessage());
    }

    @Test
    void moreThan500SeriesAreSplitIntoCallsOfAtMost500Queries() {
        stubAccount();
        // 63 instances × 8 series = 504 queries, plus volumes, the ALB and the databases.
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId>"
                + "<reservationSet><item><reservationId>r-1</reservationId><instancesSet>");
        for (int i = 0; i < 63; i++) {
            xml.append(String.format("<item><instanceId>i-%017d</instanceId><instanceState><code>16</code><name>running</name>"
                    + "</instanceState><instanceType>t3.small</instanceType><launchTime>2026-11-01T00:00:00.000Z</launchTime></item>", i));
        }
        xml.append("</instancesSet></item></reservationSet></DescribeInstancesResponse>");
        wm.stubFor(action("DescribeInstances").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withBody(xml.toString())));
        wm.stubFor(post(urlEqualTo(CW_PATH)).willReturn(cbor(200, "cloudwatch-get-metric-data-ec2-only.json")));

        AwsInventoryRead read = reader(keys()).read();

        int planned = MetricQuery.plan(read.items()).size();
        assertEquals(63 * 8 + 2 * 6 + 1 + 2 * 4, planned);
        wm.verify(exactly(2), postRequestedFor(urlEqualTo(CW_PATH)));
        // Query ids travel as CBOR text strings: the first call carries m0..m499, the second the rest.
        var bodies = wm.findAll(postRequestedFor(urlEqualTo(CW_PATH))).stream().map(r -> r.getBodyAsString()).toList();
        assertTrue(bodies.get(0).contains("m499") && !bodies.get(0).contains("m500"));
        assertTrue(bodies.get(1).contains("m500") && bodies.get(1).contains("m" + (planned - 1)));
        assertEquals(2, outcome(read, "cloudwatch:metrics").calls());
    }

    @Test
    void aRoleThatCannotBeAssumedIsACredentialRejectionNotADeniedListing() {
        stubAccount();
        wm.stubFor(action("AssumeRole").willReturn(xmlError(403, "sts-error-access-denied.xml")));
        AwsInventoryConfig role = new AwsInventoryConfig(ACCOUNT, List.of(REGION), "AKIAEXAMPLEKEY000001", "secret", null,
                "arn:aws:iam::111122223333:role/outlay-reader", "wrong-external-id", wm.baseUrl(), 0, 0);
        AwsCredentialsRejectedException e = assertThrows(AwsCredentialsRejectedException.class, () -> reader(role).read());
        assertEquals("sts:AssumeRole", e.service());
        assertEquals("AccessDenied", e.errorCode());
        assertEquals(ACCOUNT, e.accountId());
        wm.verify(exactly(0), postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeInstances&")));
    }

    @Test
    void aForbiddenMetricResultDeniesTheRegionsMetricsAndKeepsNoneOfThem() {
        stubAccount();
        wm.stubFor(post(urlEqualTo(CW_PATH)).willReturn(cbor(200, "cloudwatch-get-metric-data-forbidden.json")));
        AwsInventoryRead read = reader(keys()).read();
        ServiceOutcome cw = outcome(read, "cloudwatch:metrics");
        assertEquals(ServiceOutcome.Status.DENIED, cw.status());
        assertTrue(read.samples().isEmpty());
        assertEquals(14, read.items().size());
    }

    @Test
    void anInternalErrorMetricResultFailsTheRead() {
        stubAccount();
        wm.stubFor(post(urlEqualTo(CW_PATH)).willReturn(cbor(200, "cloudwatch-get-metric-data-internal-error.json")));
        AwsInventoryReadException e = assertThrows(AwsInventoryReadException.class, () -> reader(keys()).read());
        assertEquals("cloudwatch:GetMetricData", e.service());
        assertTrue(e.getMessage().contains("InternalError"), e.getMessage());
    }

    @Test
    void everyRegionIsReadAndItemsAreOrderedWhateverTheConfigOrder() {
        stubAccount();
        wm.stubFor(post(urlEqualTo(CW_PATH)).willReturn(cbor(200, "cloudwatch-get-metric-data-ec2-only.json")));
        AwsInventoryRead a = reader(new AwsInventoryConfig(ACCOUNT, List.of("eu-west-1", "eu-central-1"), "AKIAEXAMPLEKEY000001",
                "secret", null, null, null, wm.baseUrl(), 0, 0)).read();
        AwsInventoryRead b = reader(new AwsInventoryConfig(ACCOUNT, List.of("eu-central-1", "eu-west-1"), "AKIAEXAMPLEKEY000001",
                "secret", null, null, null, wm.baseUrl(), 0, 0)).read();
        assertEquals(28, a.items().size());
        assertEquals(a.items(), b.items());
        assertEquals("eu-central-1", a.items().get(0).region());
        assertEquals(16, a.outcomes().size(), "eight listings per region");
    }

    static List<String> ids(AwsInventoryRead read, ResourceKind kind) {
        return read.items().stream().filter(i -> i.kind() == kind).map(InventoryItem::resourceId).toList();
    }

    static ServiceOutcome outcome(AwsInventoryRead read, String service) {
        return read.outcomes().stream().filter(o -> o.service().equals(service)).findFirst().orElseThrow();
    }

    static MetricSample sample(AwsInventoryRead read, String id, MetricName metric, String start) {
        return read.samples().stream().filter(s -> s.resourceId().equals(id) && s.metric() == metric
                && s.periodStart().equals(Instant.parse(start))).findFirst().orElseThrow();
    }
}
