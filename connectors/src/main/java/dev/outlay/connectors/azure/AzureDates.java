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
package dev.outlay.connectors.azure;

import dev.outlay.connectors.Row;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * Azure cost export dates. Exports write them month first ({@code 09/01/2024}, older EA files without leading
 * zeros: {@code 9/1/2024}); newer export versions write ISO ({@code 2024-09-01}, sometimes with a time). Days are UTC.
 */
final class AzureDates {

    private static final DateTimeFormatter MONTH_FIRST = DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private AzureDates() {
    }

    static Instant day(Row r, int index) {
        String v = r.required(index).strip();
        if (v.indexOf('/') < 0) return r.requiredInstant(index);
        try {
            return LocalDate.parse(v, MONTH_FIRST).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            throw r.fault(index, "not a date (M/d/yyyy or ISO 8601): '" + Row.abbreviate(v) + "'");
        }
    }
}
