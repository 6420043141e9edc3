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
package dev.outlay.connectors.gcp;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * TIMESTAMP cells over the REST API: seconds since the epoch as a decimal string ("1.7040672E9",
 * "1704067200.123456"), or integer microseconds when the client asks for {@code formatOptions.useInt64Timestamp}.
 */
final class BigQueryTimestamps {

    /** Integer values above this are microseconds; as seconds they would lie after the year 5138. */
    private static final long MICROS_THRESHOLD = 100_000_000_000L;

    private BigQueryTimestamps() {
    }

    static Instant parse(String text) {
        try {
            BigDecimal d = new BigDecimal(text.trim());
            boolean integral = text.indexOf('.') < 0 && text.indexOf('E') < 0 && text.indexOf('e') < 0;
            BigDecimal micros = integral && d.abs().longValueExact() > MICROS_THRESHOLD ? d : d.movePointRight(6);
            long us = micros.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
            return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1_000L);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
