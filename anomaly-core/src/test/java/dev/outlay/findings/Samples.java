package dev.outlay.findings;

import dev.outlay.model.inventory.MetricName;
import dev.outlay.model.inventory.MetricSample;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Hourly sample builders for findings tests. */
final class Samples {

    private Samples() {
    }

    /** 24 hourly CPU samples on {@code day}, each with the given average and maximum. */
    static List<MetricSample> cpuDay(String id, LocalDate day, String avg, String max) {
        List<MetricSample> out = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            out.add(new MetricSample(id, MetricName.CPU_UTILIZATION,
                    day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * h), 3600,
                    new BigDecimal(avg), new BigDecimal(max), null));
        }
        return out;
    }

    /** 24 hourly byte samples of {@code metric}, each hour carrying {@code bytesPerHour}. */
    static List<MetricSample> bytesDay(String id, MetricName metric, LocalDate day, long bytesPerHour) {
        List<MetricSample> out = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            BigDecimal b = BigDecimal.valueOf(bytesPerHour);
            out.add(new MetricSample(id, metric, day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * h),
                    3600, b, b, b));
        }
        return out;
    }

    /** A full day of CPU and network in/out. */
    static List<MetricSample> hostDay(String id, LocalDate day, String cpuAvg, String cpuMax, long netBytesPerHour) {
        List<MetricSample> out = new ArrayList<>(cpuDay(id, day, cpuAvg, cpuMax));
        out.addAll(bytesDay(id, MetricName.NETWORK_IN, day, netBytesPerHour));
        out.addAll(bytesDay(id, MetricName.NETWORK_OUT, day, netBytesPerHour));
        return out;
    }
}
