package dev.outlay.anomalies;

import java.util.Arrays;

/**
 * Medians over fixed-point longs. Returning twice the median keeps the even-count case exact (a + b) without
 * rounding, which is what makes the baseline reproducible to the last digit.
 */
final class RobustStats {

    private RobustStats() {
    }

    /** Sorts {@code values[0..n)} in place and returns 2 × their median; n must be positive. */
    static long twiceMedian(long[] values, int n) {
        Arrays.sort(values, 0, n);
        int mid = n / 2;
        return (n % 2 == 1) ? 2 * values[mid] : values[mid - 1] + values[mid];
    }

    /** 4 × the median absolute deviation of {@code values[0..n)}; clobbers {@code scratch}. */
    static long fourTimesMad(long[] values, int n, long[] scratch) {
        System.arraycopy(values, 0, scratch, 0, n);
        long twiceMed = twiceMedian(scratch, n);
        for (int i = 0; i < n; i++) {
            scratch[i] = Math.abs(2 * values[i] - twiceMed);
        }
        return twiceMedian(scratch, n);
    }
}
