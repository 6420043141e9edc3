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

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Picks a period's current run from blob names. Exports are laid out as
 * {@code <prefix>/<exportName>/<yyyyMMdd-yyyyMMdd>/<run>/[<guid>/]manifest.json}, where {@code <run>} is the run's
 * time ({@code yyyyMMddHHmm}, which sorts in time order). The period is re-exported daily until it closes, and a
 * newer run replaces the older one, so only the newest run's manifest counts.
 */
public final class AzureExportRuns {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private AzureExportRuns() {
    }

    /** The period folder of a month as Azure names it: first to last day, both inclusive. */
    public static String periodFolder(YearMonth month) {
        LocalDate first = month.atDay(1);
        return DAY.format(first) + "-" + DAY.format(month.atEndOfMonth());
    }

    /** The newest run's manifest among {@code blobNames} for the period under {@code root}, if any. */
    public static Optional<String> newestManifest(Collection<String> blobNames, String root, YearMonth month) {
        String base = (root == null || root.isBlank() ? "" : strip(root) + "/") + periodFolder(month) + "/";
        return blobNames.stream()
                .filter(n -> n.startsWith(base) && n.endsWith("/manifest.json"))
                .filter(n -> n.substring(base.length()).indexOf('/') > 0)
                .max(Comparator.comparing((String n) -> runOf(n, base)).thenComparing(Comparator.naturalOrder()));
    }

    private static String runOf(String name, String base) {
        String rest = name.substring(base.length());
        return rest.substring(0, rest.indexOf('/'));
    }

    private static String strip(String root) {
        String r = root;
        while (r.startsWith("/")) r = r.substring(1);
        while (r.endsWith("/")) r = r.substring(0, r.length() - 1);
        return r;
    }
}
