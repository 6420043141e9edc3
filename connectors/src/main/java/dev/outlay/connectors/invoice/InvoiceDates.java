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
package dev.outlay.connectors.invoice;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates as a mapping's {@code dateFormat} says they are written ("M/d/yyyy" in Azure EA exports, "dd.MM.yyyy" on
 * European invoices), read as UTC; month names in English, whatever the server's locale. Parsing is strict: "2/30/2024" fails instead of becoming the 29th, and a
 * day-first file read with a month-first pattern fails on the first day past the 12th instead of loading.
 */
final class InvoiceDates {

    private InvoiceDates() {
    }

    /**
     * The formatter of a java.time pattern. {@code y} (year of era) becomes {@code u} (proleptic year) so strict
     * resolution works without an era field; quoted literals are left alone.
     *
     * @throws IllegalArgumentException when the pattern is invalid or does not name a year, a month and a day
     */
    static DateTimeFormatter formatter(String pattern) {
        StringBuilder p = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') quoted = !quoted;
            p.append(!quoted && c == 'y' ? 'u' : c);
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern(p.toString(), Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
        LocalDateTime probe = LocalDateTime.of(2024, 11, 27, 13, 45, 10);
        try {
            LocalDate back = LocalDate.from(f.parse(f.format(probe)));
            if (!back.equals(probe.toLocalDate())) throw new IllegalArgumentException("does not read back the date it writes");
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("must name a year, a month and a day (e.g. M/d/yyyy or dd.MM.yyyy HH:mm)", e);
        }
        return f;
    }

    /** The instant (UTC) of a value in the pattern, or null when it is not one. */
    static Instant parse(String text, DateTimeFormatter f) {
        try {
            TemporalAccessor t = f.parseBest(text.strip(), LocalDateTime::from, LocalDate::from);
            LocalDateTime at = t instanceof LocalDateTime ldt ? ldt : ((LocalDate) t).atStartOfDay();
            return at.toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
