/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import org.jose4j.jwt.JwtClaims;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Turns the values of an ID token's role claim into Outlay roles through the tenant's mapping. The claim may be a
 * string or a list of strings, and may be nested ({@code realm_access.roles}, Keycloak's place for realm roles);
 * values the mapping does not name grant nothing.
 */
public final class RoleMapping {

    private RoleMapping() {
    }

    public static TreeSet<String> roles(JwtClaims claims, String claimPath, SortedMap<String, List<String>> mapping) {
        TreeSet<String> out = new TreeSet<>();
        for (String value : values(claims.getClaimsMap(), claimPath)) {
            List<String> granted = mapping.get(value);
            if (granted != null) out.addAll(granted);
        }
        return out;
    }

    /** The claim's string values; a top-level name with dots (some IdPs use URLs as claim names) wins over a path. */
    static List<String> values(Map<String, Object> claims, String claimPath) {
        Object v = claims.containsKey(claimPath) ? claims.get(claimPath) : walk(claims, claimPath);
        List<String> out = new ArrayList<>();
        if (v instanceof String s) out.add(s);
        else if (v instanceof Collection<?> c) c.stream().filter(String.class::isInstance).map(String.class::cast).forEach(out::add);
        return out;
    }

    private static Object walk(Map<String, Object> claims, String path) {
        Object at = claims;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> m)) return null;
            at = m.get(part);
        }
        return at;
    }
}
