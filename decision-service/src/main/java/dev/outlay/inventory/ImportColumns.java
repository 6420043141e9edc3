/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of each import content and the spellings accepted for them. A header is matched after lower-casing
 * and dropping everything but letters and digits, so {@code resource_id}, {@code ResourceId}, {@code Resource ID}
 * and {@code resource-id} are one column; a few aliases cover what exporters commonly write instead
 * ({@code subscription_id}, {@code labels}, {@code timestamp}...). A header matching nothing is refused rather than
 * ignored: a typo such as {@code atached_to} would otherwise read as "attached to nothing".
 */
final class ImportColumns {

    static final String RESOURCE_ID = "resource_id";
    static final String PROVIDER = "provider";
    static final String ACCOUNT_ID = "account_id";
    static final String REGION = "region";
    static final String ZONE = "zone";
    static final String KIND = "kind";
    static final String STATE = "state";
    static final String SIZE = "size";
    static final String ATTACHED_TO = "attached_to";
    static final String CREATED_AT = "created_at";
    static final String STATE_SINCE = "state_since";
    static final String TAGS = "tags";
    static final String ATTRIBUTES = "attributes";

    static final String METRIC = "metric";
    static final String PERIOD_START = "period_start";
    static final String PERIOD_SECONDS = "period_seconds";
    static final String AVERAGE = "average";
    static final String MAXIMUM = "maximum";
    static final String SUM = "sum";

    static final ImportColumns INVENTORY = new ImportColumns(List.of(RESOURCE_ID, PROVIDER, KIND), Map.ofEntries(
            Map.entry(RESOURCE_ID, List.of("resourceid", "id", "resource", "arn")),
            Map.entry(PROVIDER, List.of("provider", "providername", "cloud")),
            Map.entry(ACCOUNT_ID, List.of("accountid", "account", "subaccountid", "subscriptionid", "projectid")),
            Map.entry(REGION, List.of("region", "regionid", "location")),
            Map.entry(ZONE, List.of("zone", "availabilityzone", "az")),
            Map.entry(KIND, List.of("kind", "resourcekind")),
            Map.entry(STATE, List.of("state", "status")),
            Map.entry(SIZE, List.of("size", "sku", "instancetype", "volumetype")),
            Map.entry(ATTACHED_TO, List.of("attachedto", "attachment")),
            Map.entry(CREATED_AT, List.of("createdat", "created", "creationtime")),
            Map.entry(STATE_SINCE, List.of("statesince")),
            Map.entry(TAGS, List.of("tags", "labels")),
            Map.entry(ATTRIBUTES, List.of("attributes", "properties"))));

    static final ImportColumns METRICS = new ImportColumns(List.of(RESOURCE_ID, METRIC, PERIOD_START, PERIOD_SECONDS),
            Map.ofEntries(
                    Map.entry(RESOURCE_ID, List.of("resourceid", "id", "resource", "arn")),
                    Map.entry(METRIC, List.of("metric", "metricname")),
                    Map.entry(PERIOD_START, List.of("periodstart", "timestamp", "start")),
                    Map.entry(PERIOD_SECONDS, List.of("periodseconds", "period")),
                    Map.entry(AVERAGE, List.of("average", "avg")),
                    Map.entry(MAXIMUM, List.of("maximum", "max")),
                    Map.entry(SUM, List.of("sum", "total"))));

    private final List<String> required;
    private final Map<String, String> byAlias = new LinkedHashMap<>();
    private final List<String> canonical;

    private ImportColumns(List<String> required, Map<String, List<String>> aliases) {
        this.required = required;
        aliases.forEach((name, spellings) -> spellings.forEach(s -> byAlias.put(s, name)));
        this.canonical = aliases.keySet().stream().sorted().toList();
    }

    static ImportColumns of(ImportContent content) {
        return content == ImportContent.INVENTORY ? INVENTORY : METRICS;
    }

    /** The canonical column a header names, if any. */
    Optional<String> resolve(String header) {
        return Optional.ofNullable(byAlias.get(normalise(header)));
    }

    List<String> required() {
        return required;
    }

    /** Every canonical column, sorted, for "one of ..." messages. */
    List<String> canonical() {
        return canonical;
    }

    static String normalise(String header) {
        StringBuilder sb = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (Character.isLetterOrDigit(c)) sb.append(Character.toLowerCase(c));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
