/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The AWS answers of the connectors' reader tests (aws-inventory/ fixtures, on this module's test classpath too),
 * served by WireMock: EC2/ELBv2/RDS as query-protocol XML, CloudWatch as the smithy-rpcv2-cbor its SDK client
 * speaks (the JSON fixtures are encoded to CBOR here, timestamps as tag-1 epoch seconds).
 */
final class AwsFixtures {

    static final String CW_PATH = "/service/GraniteServiceVersion20100801/operation/GetMetricData";
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORFactory CBOR = new CBORFactory();

    private AwsFixtures() {
    }

    static String text(String name) {
        try (InputStream in = AwsFixtures.class.getResourceAsStream("/aws-inventory/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseDefinitionBuilder xml(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(text(fixture));
    }

    static ResponseDefinitionBuilder cbor(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/cbor")
                .withHeader("smithy-protocol", "rpc-v2-cbor").withBody(cborOf(fixture));
    }

    static MappingBuilder action(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    /** One account in eu-west-1: every listing over its pages, CloudWatch over two pages. */
    static void stubAccount(WireMockServer wm) {
        wm.stubFor(action("DescribeInstances").withRequestBody(notContaining("NextToken")).willReturn(xml(200, "ec2-describe-instances-1.xml")));
        wm.stubFor(action("DescribeInstances").withRequestBody(containing("NextToken=instances-page-2")).willReturn(xml(200, "ec2-describe-instances-2.xml")));
        wm.stubFor(action("DescribeVolumes").withRequestBody(notContaining("NextToken")).willReturn(xml(200, "ec2-describe-volumes-1.xml")));
        wm.stubFor(action("DescribeVolumes").withRequestBody(containing("NextToken=volumes-page-2")).willReturn(xml(200, "ec2-describe-volumes-2.xml")));
        wm.stubFor(action("DescribeAddresses").willReturn(xml(200, "ec2-describe-addresses.xml")));
        wm.stubFor(action("DescribeSnapshots").willReturn(xml(200, "ec2-describe-snapshots.xml")));
        wm.stubFor(action("DescribeNatGateways").willReturn(xml(200, "ec2-describe-nat-gateways.xml")));
        wm.stubFor(action("DescribeLoadBalancers").willReturn(xml(200, "elbv2-describe-load-balancers.xml")));
        wm.stubFor(action("DescribeTags").willReturn(xml(200, "elbv2-describe-tags.xml")));
        wm.stubFor(action("DescribeDBInstances").withRequestBody(notContaining("Marker")).willReturn(xml(200, "rds-describe-db-instances-1.xml")));
        wm.stubFor(action("DescribeDBInstances").withRequestBody(containing("Marker=rds-page-2")).willReturn(xml(200, "rds-describe-db-instances-2.xml")));
        wm.stubFor(post(urlEqualTo(CW_PATH)).inScenario("cw").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(cbor(200, "cloudwatch-get-metric-data-1.json")).willSetStateTo("page-2"));
        wm.stubFor(post(urlEqualTo(CW_PATH)).inScenario("cw").whenScenarioStateIs("page-2")
                .withRequestBody(containing("cw-page-2"))
                .willReturn(cbor(200, "cloudwatch-get-metric-data-2.json")).willSetStateTo(Scenario.STARTED));
    }

    private static byte[] cborOf(String name) {
        try {
            JsonNode tree = JSON.readTree(text(name));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (CBORGenerator g = CBOR.createGenerator(out)) {
                write(g, tree);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(CBORGenerator g, JsonNode n) throws IOException {
        if (n.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray();
            for (JsonNode c : n) write(g, c);
            g.writeEndArray();
        } else if (n.isTextual() && INSTANT.matcher(n.asText()).matches()) {
            g.writeTag(1);
            g.writeNumber(Instant.parse(n.asText()).getEpochSecond());
        } else if (n.isTextual()) {
            g.writeString(n.asText());
        } else if (n.isIntegralNumber()) {
            g.writeNumber(n.asLong());
        } else if (n.isNumber()) {
            g.writeNumber(n.asDouble());
        } else if (n.isBoolean()) {
            g.writeBoolean(n.asBoolean());
        } else {
            g.writeNull();
        }
    }
}
