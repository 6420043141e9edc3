/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import dev.outlay.model.inventory.MetricName;
import dev.outlay.model.inventory.MetricSample;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A metrics import file → samples. Refused with the line: an unknown metric, a period that is not 1 to 86 400
 * seconds or crosses midnight UTC (days are UTC days), a negative or unparsable value, a percent above 100, a
 * sample with no value at all, overlapping periods of one series. Missing periods are not refused: they become
 * days with less than 86 400 covered seconds.
 */
final class MetricsFile {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String METRICS = Arrays.stream(MetricName.values()).map(MetricName::wireName)
            .collect(Collectors.joining(", "));

    private MetricsFile() {
    }

    /** A sample and the line it came from. */
    record Line(int line, MetricSample sample) {
    }

    /** Samples sorted by resource, metric and period start. */
    static List<Line> parse(byte[] body, ImportFormat format) {
        List<ImportRecord> records = ImportTable.read(body, format, ImportColumns.METRICS);
        List<ImportFault> faults = new ArrayList<>();
        ImportValues v = new ImportValues(faults);
        List<Line> out = new ArrayList<>();
        for (ImportRecord r : records) {
            String id = v.required(r, ImportColumns.RESOURCE_ID);
            String metricText = v.required(r, ImportColumns.METRIC);
            MetricName metric = null;
            if (metricText != null) {
                metric = MetricName.fromWire(metricText).orElse(null);
                if (metric == null) v.fault(r, ImportColumns.METRIC, "unknown metric '" + metricText + "'; metrics are " + METRICS);
            }
            v.required(r, ImportColumns.PERIOD_START);
            Instant start = v.instant(r, ImportColumns.PERIOD_START);
            v.required(r, ImportColumns.PERIOD_SECONDS);
            Integer seconds = v.integer(r, ImportColumns.PERIOD_SECONDS, 1, 86_400);
            BigDecimal avg = v.nonNegative(r, ImportColumns.AVERAGE);
            BigDecimal max = v.nonNegative(r, ImportColumns.MAXIMUM);
            BigDecimal sum = v.nonNegative(r, ImportColumns.SUM);
            boolean anyValue = r.get(ImportColumns.AVERAGE) != null || r.get(ImportColumns.MAXIMUM) != null
                    || r.get(ImportColumns.SUM) != null;
            if (!anyValue) v.fault(r, ImportColumns.AVERAGE, "a sample needs at least one of average, maximum, sum");
            if (metric != null && "percent".equals(metric.unit())) {
                if (avg != null && avg.compareTo(HUNDRED) > 0) v.fault(r, ImportColumns.AVERAGE, metric.wireName() + " is a percent (0 to 100), not " + avg.toPlainString());
                if (max != null && max.compareTo(HUNDRED) > 0) v.fault(r, ImportColumns.MAXIMUM, metric.wireName() + " is a percent (0 to 100), not " + max.toPlainString());
            }
            if (start != null && seconds != null) {
                Instant midnight = start.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                if (start.plusSeconds(seconds).isAfter(midnight)) {
                    v.fault(r, ImportColumns.PERIOD_SECONDS, "the period from " + start + " for " + seconds + " s crosses midnight UTC; "
                            + "split it at the day boundary");
                }
            }
            if (id == null || metric == null || start == null || seconds == null || !anyValue) continue;
            out.add(new Line(r.line(), new MetricSample(id, metric, start, seconds, avg, max, sum)));
        }
        out.sort(Comparator.comparing((Line l) -> l.sample().resourceId()).thenComparing(l -> l.sample().metric())
                .thenComparing(l -> l.sample().periodStart()).thenComparing(Line::line));
        for (int i = 1; i < out.size(); i++) {
            MetricSample a = out.get(i - 1).sample();
            MetricSample b = out.get(i).sample();
            if (a.resourceId().equals(b.resourceId()) && a.metric() == b.metric()
                    && b.periodStart().isBefore(a.periodStart().plusSeconds(a.periodSeconds()))) {
                faults.add(new ImportFault(out.get(i).line(), ImportColumns.PERIOD_START, b.metric().wireName() + " of "
                        + b.resourceId() + " at " + b.periodStart() + " overlaps the period on line " + out.get(i - 1).line()));
            }
        }
        if (!faults.isEmpty()) {
            faults.sort(Comparator.comparing((ImportFault f) -> f.line() == null ? 0 : f.line()));
            throw new InventoryImportRefusedException("the metrics file is not valid; nothing was stored", faults);
        }
        return out;
    }
}
