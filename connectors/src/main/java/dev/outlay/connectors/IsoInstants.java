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
package dev.outlay.connectors;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Fast path for the UTC timestamps billing files are full of ({@code 2024-10-01T00:00:00Z},
 * {@code 2024-10-01T00:00:00.000Z}): java.time's general parser allocates a map per call and dominated the
 * ingest profile. Anything else returns null and goes through the general parser.
 */
final class IsoInstants {

    private IsoInstants() {
    }

    static Instant parse(String s) {
        int n = s.length();
        if (n != 20 && n != 24) return null;
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':'
                || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int millis = 0;
        if (n == 24) {
            if (s.charAt(19) != '.') return null;
            millis = digits(s, 20, 23);
            if (millis < 0) return null;
        }
        int y = digits(s, 0, 4), mo = digits(s, 5, 7), d = digits(s, 8, 10);
        int h = digits(s, 11, 13), mi = digits(s, 14, 16), sec = digits(s, 17, 19);
        if (y < 0 || mo < 0 || d < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return null;
        try {
            long day = LocalDate.of(y, mo, d).toEpochDay();
            return Instant.ofEpochSecond(day * 86_400L + h * 3_600L + mi * 60L + sec, millis * 1_000_000L);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
