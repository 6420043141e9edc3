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
            Map.entry("product", PRODUCT), Map.entry("productname", PRODUCT), Map.entry("productline", PRODUCT),
            Map.entry("environment", ENVIRONMENT), Map.entry("env", ENVIRONMENT), Map.entry("stage", ENVIRONMENT),
            Map.entry("costcenter", COST_CENTER), Map.entry("costcentre", COST_CENTER), Map.entry("cc", COST_CENTER),
            Map.entry("application", APPLICATION), Map.entry("app", APPLICATION), Map.entry("service", APPLICATION));

    private TagKeys() {
    }

    /** The canonical key for a raw tag key, or empty when it is not an ownership tag. */
    public static Optional<String> canonical(String rawKey) {
        if (rawKey == null) return Optional.empty();
        String k = rawKey.trim().toLowerCase(Locale.ROOT);
        // AWS prefixes user-defined cost allocation tags with "user:"; Azure/GCP exports sometimes keep "tag:"/"label:".
        // CUR 2.0 rewrites "user:team" as "user_team" in its resource_tags map.
        for (String prefix : new String[]{"user:", "user_", "tag:", "tags:", "label:", "labels."}) {
            if (k.startsWith(prefix)) k = k.substring(prefix.length());
        }
        k = k.replace("-", "").replace("_", "").replace(" ", "").replace(".", "");
        return Optional.ofNullable(ALIASES.get(k));
    }

    /** Values are compared case-insensitively and trimmed, so "Payments " and "payments" are one owner. */
    public static String normalizeValue(String value) {
        if (value == null) return null;
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.isEmpty() || v.equals("null") || v.equals("none") || v.equals("n/a") ? null : v;
    }
}
