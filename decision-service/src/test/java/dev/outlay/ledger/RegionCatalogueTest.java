/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The provider region catalogue: provider spellings, Azure's id variants, and what it does not know. */
class RegionCatalogueTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "AWS,us-east-1,US East (N. Virginia)",
            "Amazon Web Services,eu-central-1,Europe (Frankfurt)",
            "AWS,US-EAST-1,US East (N. Virginia)",
            "Microsoft,eastus,East US",
            "Microsoft,EastUS,East US",
            "Microsoft,East US,East US",
            "Microsoft Azure,US East,East US",
            "Microsoft,westeurope,West Europe",
            "Google Cloud,us-central1,Iowa",
            "Google Cloud,us,United States (multi-region)",
            "Google Cloud,global,Global",
            // GCP and AWS ids are not Azure's: hyphens matter there.
            "AWS,useast1,NULL",
            "Google Cloud,eastus,NULL",
            "AWS,mars-north-1,NULL",
            "Acme Cloud,eu-central,NULL"})
    void namesRegionsByProviderAndId(String provider, String id, String name) {
        assertEquals(Optional.ofNullable(name), RegionCatalogue.get().name(provider, id));
    }

    @org.junit.jupiter.api.Test
    void catalogueIsVersioned() {
        assertEquals("2026-12-01", RegionCatalogue.get().version());
    }
}
