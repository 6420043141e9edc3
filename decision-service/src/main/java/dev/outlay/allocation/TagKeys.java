/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the many spellings of an ownership tag key to the canonical names the allocation rules read.
 * Real exports mix `Team`, `team`, `user:team` (AWS cost-allocation tags), `cost-center`, `CostCentre` ...
 */
public final class TagKeys {

    public static final String TEAM = "team";
    public static final String PRODUCT = "product";
    public static final String ENVIRONMENT = "environment";
    public static final String COST_CENTER = "costCenter";
    public static final String APPLICATION = "application";

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("team", TEAM), Map.entry("teamname", TEAM), Map.entry("owner", TEAM), Map.entry("squad", TEAM),
            Map.entry("department", TEAM), Map.entry("dept", TEAM),
            Map.entry("product", PRODUCT), Map.entry("productname", PRODUCT), Map.entry("productline", PRODUCT),
            Map.entry("environment", ENVIRONMENT), Map.entry("env", ENVIRONMENT), Map.entry("stage", ENVIRONMENT),
            Map.entry("costcenter", COST_CENTER), Map.entry("costcentre", COST_CENTER), Map.entry("cc", COST_CENTER),
            Map.entry("application", APPLICATION), Map.entry("app", APPLICATION), Map.entry("service", APPLICATION));

    /**
     * Spellings that name an owner only for want of a better one: a department (Microsoft 365 and Salesforce seat rows
     * carry their users' departments) is who pays where no team is named, never over a team tag on the same row.
     */
    private static final java.util.Set<String> FALLBACK = java.util.Set.of("department", "dept");

    /**
     * The order in which a row's spellings of one ownership key are tried (the first non-blank value wins): every
     * spelling in key order, then the fallback spellings. Every reader of ownership tags sorts by it (allocation in
     * SQL and in Java, the Spark job, carbon, finding owners), so all of them pick the same value.
     */
    public static final java.util.Comparator<String> SPELLING_ORDER = java.util.Comparator
            .comparing((String raw) -> FALLBACK.contains(bare(raw)) ? 1 : 0).thenComparing(java.util.Comparator.naturalOrder());

    private TagKeys() {
    }

    /** The key without vendor prefixes and separators, lower case (what the aliases are keyed by). */
    private static String bare(String rawKey) {
        String k = rawKey.trim().toLowerCase(Locale.ROOT);
        for (String prefix : new String[]{"user:", "user_", "tag:", "tags:", "label:", "labels."}) {
            if (k.startsWith(prefix)) k = k.substring(prefix.length());
        }
        return k.replace("-", "").replace("_", "").replace(" ", "").replace(".", "");
    }

    /** The canonical key for a raw tag key, or empty when it is not an ownership tag. */
    public static Optional<String> canonical(String rawKey) {
        if (rawKey == null) return Optional.empty();
        // AWS prefixes user-defined cost allocation tags with "user:"; Azure/GCP exports sometimes keep "tag:"/"label:".
        // CUR 2.0 rewrites "user:team" as "user_team" in its resource_tags map.
        return Optional.ofNullable(ALIASES.get(bare(rawKey)));
    }

    /** Values are compared case-insensitively and trimmed, so "Payments " and "payments" are one owner. */
    public static String normalizeValue(String value) {
        if (value == null) return null;
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.isEmpty() || v.equals("null") || v.equals("none") || v.equals("n/a") ? null : v;
    }
}
