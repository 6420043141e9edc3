/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TagKeysTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
            "Team,team", "team,team", "user:team,team", "user_team,team", "user_team_name,team", "user_CostCenter,costCenter", "user_cost_center,costCenter", "TEAM,team", " TEAM ,team", "Owner,team",
            "cost-center,costCenter", "CostCentre,costCenter", "cost_center,costCenter", "user:CostCenter,costCenter",
            "env,environment", "Environment,environment", "label:env,environment",
            "Product,product", "app,application", "Application,application",
            "Name,-", "aws:createdBy,-", "-,-"})
    void canonicalKeys(String raw, String expected) {
        assertEquals(expected, TagKeys.canonical(raw).orElse(null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {"Payments ,payments", "NULL,-", "'',-", "n/a,-", "Data-Platform,data-platform"})
    void normalizedValues(String raw, String expected) {
        assertEquals(expected, TagKeys.normalizeValue(raw));
    }
}
