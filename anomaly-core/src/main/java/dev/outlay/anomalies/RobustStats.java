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
