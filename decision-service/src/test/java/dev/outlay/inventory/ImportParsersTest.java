/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import dev.outlay.findings.DailyMetric;
import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.MetricName;
import dev.outlay.model.inventory.MetricSample;
import dev.outlay.model.inventory.ResourceKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import parsers over fixture files with the quirks real exports have, good and bad, table-driven. */
class ImportParsersTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    static byte[] fixture(String name) {
        try (InputStream in = ImportParsersTest.class.getResourceAsStream("/inventory/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportFormat format(String name) {
        return name.endsWith(".json") ? ImportFormat.JSON : ImportFormat.CSV;
    }

    /** file → resource ids it yields, in order. */
    static Stream<Arguments> goodInventory() {
        return Stream.of(
                Arguments.of("inventory-basic.csv", List.of(
                        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/disks/data-1",
                        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-1")),
                Arguments.of("inventory-bom-crlf-aliases.csv", List.of(
                        "projects/p1/zones/europe-west1-b/disks/pd-1",
                        "projects/p1/zones/europe-west1-b/instances/batch,1",
                        "projects/p1/zones/europe-west1-b/instances/web-1")),
                Arguments.of("inventory-nested.json", List.of("dc1/rack4/host-17", "k8s/prod/deployment/checkout")),
                Arguments.of("inventory-array.json", List.of("vol-1")),
                Arguments.of("inventory-saas.csv", List.of("github-enterprise:acme", "slack:acme")));
    }

    @ParameterizedTest
    @MethodSource("goodInventory")
    void goodInventoryFiles(String file, List<String> ids) {
        List<InventoryItem> items = InventoryFile.parse(fixture(file), format(file), NOW);
        assertEquals(ids, items.stream().map(InventoryItem::resourceId).toList());
        assertTrue(items.stream().allMatch(i -> i.observedAt().equals(NOW)));
    }

    /** file → (line, field, fragment of the message) of the first fault. */
    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("inventory-unknown-kind.csv", ImportContent.INVENTORY, 3, "kind", "unknown kind 'virtual-machine'"),
                Arguments.of("inventory-unknown-column.csv", ImportContent.INVENTORY, 1, "atached_to", "unknown column 'atached_to'"),
                Arguments.of("inventory-missing-column.csv", ImportContent.INVENTORY, 1, "provider", "required column provider"),
                Arguments.of("inventory-duplicate.csv", ImportContent.INVENTORY, 4, "resource_id", "already listed on line 2"),
                Arguments.of("inventory-bad-date.csv", ImportContent.INVENTORY, 2, "created_at", "'yesterday' is not an ISO-8601"),
                Arguments.of("inventory-ragged.csv", ImportContent.INVENTORY, 2, null, "expected 3 columns, found 2"),
                Arguments.of("inventory-unterminated-quote.csv", ImportContent.INVENTORY, 2, null, "unterminated quoted field"),
                Arguments.of("inventory-broken.json", ImportContent.INVENTORY, 3, null, "malformed JSON"),
                Arguments.of("inventory-missing-provider.json", ImportContent.INVENTORY, 3, "provider", "provider is required"),
                Arguments.of("inventory-bad-tags.csv", ImportContent.INVENTORY, 2, "tags", "is nested"),
                Arguments.of("inventory-saas-bad-seats.csv", ImportContent.INVENTORY, 3, "attributes",
                        "seatsPurchased must be a whole number of at least 1, got 'forty'"),
                Arguments.of("metrics-negative.csv", ImportContent.METRICS, 3, "average", "-0.5 is negative"),
                Arguments.of("metrics-not-number.csv", ImportContent.METRICS, 2, "maximum", "'abc' is not a number"),
                Arguments.of("metrics-unknown-metric.csv", ImportContent.METRICS, 3, "metric", "unknown metric 'CPUUtilization'"),
                Arguments.of("metrics-overlap.csv", ImportContent.METRICS, 3, "period_start", "overlaps the period on line 2"),
                Arguments.of("metrics-crosses-midnight.csv", ImportContent.METRICS, 2, "period_seconds", "crosses midnight UTC"),
                Arguments.of("metrics-percent-over-100.csv", ImportContent.METRICS, 2, "maximum", "percent (0 to 100), not 140"),
                Arguments.of("metrics-no-value.csv", ImportContent.METRICS, 2, "average", "at least one of average, maximum, sum"),
                Arguments.of("metrics-bad-period.json", ImportContent.METRICS, 1, "period_seconds", "from 1 to 86400"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFilesNameLineAndField(String file, ImportContent content, int line, String field, String fragment) {
        InventoryImportRefusedException e = assertThrows(InventoryImportRefusedException.class, () -> {
            if (content == ImportContent.INVENTORY) InventoryFile.parse(fixture(file), format(file), NOW);
            else MetricsFile.parse(fixture(file), format(file));
        });
        ImportFault f = e.faults().get(0);
        assertEquals(line, f.line(), e.faults().toString());
        assertEquals(field, f.field(), e.faults().toString());
        assertTrue(f.message().contains(fragment), f.message());
    }

    @Test
    void aSaasSubscriptionCarriesItsSeatCounts() {
        List<InventoryItem> items = InventoryFile.parse(fixture("inventory-saas.csv"), ImportFormat.CSV, NOW);
        assertEquals(dev.outlay.model.inventory.ResourceKind.SAAS_SUBSCRIPTION, items.get(0).kind());
        assertEquals("50", items.get(0).attributes().get("seatsPurchased"));
        assertEquals("31", items.get(0).attributes().get("seatsActive"));
        assertEquals("41", items.get(1).attributes().get("seatsActive"), "an overage before true-up is accepted");
        InventoryImportRefusedException e = assertThrows(InventoryImportRefusedException.class, () -> InventoryFile.parse(
                "resource_id,provider,kind\nslack:acme,slack,saas-subscription\n".getBytes(), ImportFormat.CSV, NOW));
        assertEquals(2, e.faults().size(), "both counts are named: " + e.faults());
    }

    @Test
    void quirksAreReadAsTheSourceMeantThem() {
        List<InventoryItem> gcp = InventoryFile.parse(fixture("inventory-bom-crlf-aliases.csv"), ImportFormat.CSV, NOW);
        InventoryItem disk = gcp.get(0);
        assertEquals("gcp", disk.provider(), "provider lower-cased");
        assertEquals("p1", disk.accountId(), "Subscription ID is an alias of account_id");
        assertEquals("ready", disk.state(), "states lower-cased");
        assertEquals(ResourceKind.BLOCK_VOLUME, disk.kind());
        assertNull(disk.attachedTo(), "NULL is unknown");
        assertNull(disk.stateSince());
        assertEquals(Instant.parse("2026-08-01T12:00:00Z"), disk.createdAt(), "offset-less timestamps are UTC");
        assertEquals(Map.of("env", "dev", "owner", "a \"quoted\" name"), disk.tags(), "doubled quotes inside a JSON cell");
        assertEquals(Map.of("sizeGb", "200"), disk.attributes());
        InventoryItem batch = gcp.get(1);
        assertEquals(Map.of("note", "line one\r\nline two", "cores", "8"), batch.attributes(), "a quoted newline stays in the cell");
        assertEquals("terminated", batch.state());
        InventoryItem web = gcp.get(2);
        assertEquals(Map.of("team", "web", "env", "prod"), web.tags(), "k=v;k=v pairs, blanks trimmed");
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), web.createdAt(), "a date is midnight UTC");

        List<InventoryItem> k8s = InventoryFile.parse(fixture("inventory-nested.json"), ImportFormat.JSON, NOW);
        InventoryItem host = k8s.get(0);
        assertNull(host.accountId(), "\"NULL\" in JSON is unknown too");
        assertEquals(Instant.parse("2024-04-30T22:00:00Z"), host.createdAt(), "offsets are honoured");
        InventoryItem workload = k8s.get(1);
        assertNull(workload.region(), "JSON null");
        assertEquals(Map.of("replicas", "3", "cpuRequestMillicores", "1500", "spot", "false"), workload.attributes(),
                "nested JSON object, scalars as text");
        assertEquals(ResourceKind.KUBERNETES_WORKLOAD, workload.kind());
    }

    @Test
    void metricsAggregateIntoDaysWithGapsVisible() {
        List<MetricSample> samples = MetricsFile.parse(fixture("metrics-hourly.csv"), ImportFormat.CSV).stream()
                .map(MetricsFile.Line::sample).toList();
        assertEquals(4, samples.size());
        List<DailyMetric> days = DailyAggregates.of(samples);
        DailyMetric cpu = days.stream().filter(d -> d.metric() == MetricName.CPU_UTILIZATION).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2026, 11, 1), cpu.day());
        assertEquals(3 * 3600, cpu.coveredSeconds(), "three hourly samples: the rest of the day is a gap, not zero");
        assertEquals(0, new BigDecimal("2").compareTo(cpu.average()));
        assertEquals(0, new BigDecimal("9").compareTo(cpu.maximum()));
        DailyMetric net = days.stream().filter(d -> d.metric() == MetricName.NETWORK_IN).findFirst().orElseThrow();
        assertTrue(net.complete());
        assertEquals(0, new BigDecimal("1048576").compareTo(net.sum()));

        List<MetricSample> json = MetricsFile.parse(fixture("metrics.json"), ImportFormat.JSON).stream()
                .map(MetricsFile.Line::sample).toList();
        List<DailyMetric> lb = DailyAggregates.of(json).stream().filter(d -> d.resourceId().equals("lb-1")).toList();
        assertEquals(3, lb.size(), "2 Nov has no sample: kept as a day with 0 covered seconds");
        assertEquals(0, lb.get(1).coveredSeconds());
        assertNull(lb.get(1).sum());
        assertEquals(1, DailyAggregates.gaps(lb));
        assertTrue(json.stream().anyMatch(s -> s.metric() == MetricName.DB_CONNECTIONS), "metric names are case-insensitive");
    }

    @Test
    void everyFaultOfAFileIsListed() {
        InventoryImportRefusedException e = assertThrows(InventoryImportRefusedException.class,
                () -> InventoryFile.parse(fixture("inventory-bad-tags.csv"), ImportFormat.CSV, NOW));
        assertEquals(2, e.faults().size(), e.faults().toString());
        assertEquals(3, e.faults().get(1).line());
        assertTrue(e.faults().get(1).message().contains("has no key"));
    }

    @Test
    void notUtf8IsRefused() {
        byte[] latin1 = "resource_id,provider,kind\nvol-\u00e9,aws,block-volume\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        InventoryImportRefusedException e = assertThrows(InventoryImportRefusedException.class,
                () -> InventoryFile.parse(latin1, ImportFormat.CSV, NOW));
        assertTrue(e.faults().get(0).message().contains("UTF-8"));
    }
}
