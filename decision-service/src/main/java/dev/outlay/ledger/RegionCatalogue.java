/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Display names of provider regions, from the versioned catalogue {@code regions/provider-regions.csv}
 * (docs/mappings/region-catalogue.md). Sources often give only the region's id (CUR 2.0 {@code product_region_code}
 * without {@code product_location}; Azure {@code ResourceLocation}; GCP {@code location.region}), while FOCUS requires
 * RegionName wherever RegionId is set (RegionName-C-005-C). Azure writes one region as {@code eastus}, {@code EastUS}
 * or {@code East US}, so its ids are compared without case, spaces or hyphens; AWS and GCP ids are compared as written.
 */
public final class RegionCatalogue {

    private static final String RESOURCE = "/regions/provider-regions.csv";
    private static final RegionCatalogue INSTANCE = load();

    private final String version;
    private final Map<String, String> names;

    private RegionCatalogue(String version, Map<String, String> names) {
        this.version = version;
        this.names = names;
    }

    public static RegionCatalogue get() {
        return INSTANCE;
    }

    /** The catalogue's version, from its first line ({@code version yyyy-MM-dd}). */
    public String version() {
        return version;
    }

    /** The region's name for a ledger ProviderName and RegionId, when the catalogue knows it. */
    public Optional<String> name(String providerName, String regionId) {
        if (providerName == null || regionId == null) return Optional.empty();
        String family = family(providerName);
        if (family == null) return Optional.empty();
        return Optional.ofNullable(names.get(key(family, regionId)));
    }

    /** The catalogue's provider family of a ledger ProviderName (sources name one provider several ways). */
    static String family(String providerName) {
        String p = providerName.toLowerCase(Locale.ROOT);
        if (p.equals("aws") || p.startsWith("amazon")) return "aws";
        if (p.equals("microsoft") || p.contains("azure")) return "azure";
        if (p.startsWith("google") || p.equals("gcp")) return "gcp";
        return null;
    }

    private static String key(String family, String regionId) {
        String id = regionId.strip().toLowerCase(Locale.ROOT);
        if (family.equals("azure")) id = id.replace(" ", "").replace("-", "");
        return family + "," + id;
    }

    private static RegionCatalogue load() {
        try (InputStream in = RegionCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String version = null;
            Map<String, String> names = new HashMap<>();
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank()) continue;
                if (line.startsWith("#")) {
                    int at = line.indexOf("version ");
                    if (version == null && at >= 0) version = line.substring(at + 8).split("[ (]")[0];
                    continue;
                }
                String[] f = line.split(",", 3);
                if (f.length != 3 || f[1].isBlank() || f[2].isBlank()) throw new IllegalStateException(RESOURCE + " line " + n + " is not provider,id,name");
                if (names.putIfAbsent(key(f[0], f[1]), f[2]) != null) throw new IllegalStateException(RESOURCE + " line " + n + " repeats " + f[1]);
            }
            if (version == null) throw new IllegalStateException(RESOURCE + " has no version line");
            return new RegionCatalogue(version, Map.copyOf(names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
