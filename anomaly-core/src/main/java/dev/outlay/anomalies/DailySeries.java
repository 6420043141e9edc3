package dev.outlay.anomalies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A series key and its points in date order, at most one point per date; missing dates are gaps, not zeros. */
public record DailySeries(SeriesKey key, List<DailyPoint> points) {

    public DailySeries {
        Objects.requireNonNull(key, "key");
        List<DailyPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(DailyPoint::date));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).date().equals(sorted.get(i - 1).date())) {
                throw new IllegalArgumentException("two points for " + sorted.get(i).date() + " in " + key);
            }
        }
        points = List.copyOf(sorted);
    }
}
