/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one job run needs, checked before Spark starts: the tenant and billing period to allocate, the rule version's
 * hash and its stored DMN, where to write the decided groups, the Spark master, and the ledger's JDBC coordinates
 * (from the environment, so a password never shows on a process list).
 */
public record JobArgs(String master, String tenant, LocalDate period, String versionHash, Path rules, Path out, String jdbcUrl,
                      String jdbcUser, String jdbcPassword) {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public static JobArgs parse(List<String> args, Map<String, String> env) {
        Map<String, String> named = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || i + 1 >= args.size()) throw new IllegalArgumentException("expected --name value pairs, got '" + a + "'");
            named.put(a.substring(2), args.get(++i));
        }
        String tenant = required(named, "tenant");
        // The id is written into a session setting's SQL below, so only the service's safe slugs pass.
        if (!dev.outlay.tenancy.TenantIds.valid(tenant)) throw new IllegalArgumentException("--tenant '" + tenant + "' is not a tenant id");
        LocalDate period;
        try {
            period = LocalDate.parse(required(named, "period"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--period must be the first day of a billing period (yyyy-MM-dd)");
        }
        if (period.getDayOfMonth() != 1) throw new IllegalArgumentException("--period must be the first day of a month, not " + period);
        String hash = required(named, "version");
        if (!HASH.matcher(hash).matches()) throw new IllegalArgumentException("--version must be a rule version's SHA-256 hash");
        Path rules = Path.of(required(named, "rules"));
        if (!Files.isReadable(rules)) throw new IllegalArgumentException("--rules " + rules + " is not a readable file");
        Path out = Path.of(required(named, "out"));
        String url = env.get("OUTLAY_SPARK_JDBC_URL");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("OUTLAY_SPARK_JDBC_URL must hold the ledger's PostgreSQL JDBC URL");
        }
        return new JobArgs(named.getOrDefault("master", "local[2]"), tenant, period, hash, rules, out, url,
                env.get("OUTLAY_SPARK_JDBC_USER"), env.get("OUTLAY_SPARK_JDBC_PASSWORD"));
    }

    private static String required(Map<String, String> named, String name) {
        String v = named.get(name);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("--" + name + " is required");
        return v;
    }

    java.util.Properties jdbcProperties() {
        java.util.Properties p = new java.util.Properties();
        if (jdbcUser != null) p.setProperty("user", jdbcUser);
        if (jdbcPassword != null) p.setProperty("password", jdbcPassword);
        p.setProperty("driver", "org.postgresql.Driver");
        // Row-level security: every connection Spark opens reads as this tenant only, as the service's pool does.
        p.setProperty("sessionInitStatement", "SELECT set_config('" + dev.outlay.tenancy.TenantConnectionInterceptor.SETTING + "', '" + tenant + "', false)");
        p.setProperty("fetchsize", "10000");
        return p;
    }
}
