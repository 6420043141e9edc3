package dev.outlay.findings;

import dev.outlay.model.inventory.MetricName;
import dev.outlay.model.inventory.MetricSample;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates hourly (or any sub-daily) samples into UTC days. Gaps are kept visible: a day without samples is
 * returned with zero coverage rather than left out, so a detector asking "low on 4 of 14 days" sees missing days
 * as missing, never as idle.
 */
public final class MetricAggregator {

    private record Key(String resourceId, MetricName metric, LocalDate day) {
    }

    /**
     * Daily aggregates for every (resource, metric) present in {@code samples}, for every day in
     * [{@code from}, {@code to}] inclusive, ordered by resource, metric, day.
     */
    public List<DailyMetric> daily(List<MetricSample> samples, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw new IllegalArgumentException("window ends before it starts");
        Comparator<Key> order = Comparator.comparing(Key::resourceId).thenComparing(Key::metric)
                .thenComparing(Key::day);
        Map<Key, List<MetricSample>> byDay = new TreeMap<>(order);
        Map<Key, Boolean> series = new TreeMap<>(order);
        for (MetricSample s : samples) {
            validate(s);
            LocalDate day = s.periodStart().atZone(ZoneOffset.UTC).toLocalDate();
            series.put(new Key(s.resourceId(), s.metric(), from), Boolean.TRUE);
            if (day.isBefore(from) || day.isAfter(to)) continue;
            byDay.computeIfAbsent(new Key(s.resourceId(), s.metric(), day), k -> new ArrayList<>()).add(s);
        }
        List<DailyMetric> out = new ArrayList<>();
        for (Key seriesKey : series.keySet()) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                List<MetricSample> day = byDay.getOrDefault(new Key(seriesKey.resourceId(), seriesKey.metric(), d),
                        List.of());
                out.add(aggregate(seriesKey.resourceId(), seriesKey.metric(), d, day));
            }
        }
        return out;
    }

    private static DailyMetric aggregate(String resourceId, MetricName metric, LocalDate day,
                                         List<MetricSample> samples) {
        if (samples.isEmpty()) return new DailyMetric(resourceId, metric, day, null, null, null, 0);
        List<MetricSample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparing(MetricSample::periodStart));
        BigDecimal avgTotal = BigDecimal.ZERO;
        BigDecimal max = null;
        BigDecimal sum = null;
        long covered = 0;
        Instant lastEnd = null;
        for (MetricSample s : sorted) {
            if (lastEnd != null && s.periodStart().isBefore(lastEnd)) {
                throw new InvalidMetricSeriesException(resourceId, "periodStart",
                        metric.wireName() + " of " + resourceId + " has overlapping periods at " + s.periodStart());
            }
            lastEnd = s.periodStart().plusSeconds(s.periodSeconds());
            if (lastEnd.isAfter(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))) {
                throw new InvalidMetricSeriesException(resourceId, "periodSeconds",
                        metric.wireName() + " of " + resourceId + " has a period crossing midnight UTC at "
                                + s.periodStart());
            }
            covered += s.periodSeconds();
            if (s.average() != null) avgTotal = avgTotal.add(s.average());
            BigDecimal m = s.maximum() != null ? s.maximum() : s.average();
            if (m != null) max = max == null ? m : max.max(m);
            if (s.sum() != null) sum = sum == null ? s.sum() : sum.add(s.sum());
        }
        BigDecimal avg = avgTotal.divide(BigDecimal.valueOf(sorted.size()), 6, RoundingMode.HALF_EVEN);
        return new DailyMetric(resourceId, metric, day, avg, max, sum, covered);
    }

    private static void validate(MetricSample s) {
        check(s, "average", s.average());
        check(s, "maximum", s.maximum());
        check(s, "sum", s.sum());
        if (s.average() == null && s.maximum() == null && s.sum() == null) {
            throw new InvalidMetricSeriesException(s.resourceId(), "average",
                    s.metric().wireName() + " of " + s.resourceId() + " at " + s.periodStart() + " has no value");
        }
    }

    private static void check(MetricSample s, String field, BigDecimal v) {
        if (v != null && v.signum() < 0) {
            throw new InvalidMetricSeriesException(s.resourceId(), field, s.metric().wireName() + " of "
                    + s.resourceId() + " at " + s.periodStart() + " has a negative " + field + " (" + v + ")");
        }
    }
}
