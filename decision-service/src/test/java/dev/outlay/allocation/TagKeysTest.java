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
            "department,team", "Dept,team", "tag:Department,team",
            "Name,-", "aws:createdBy,-", "-,-"})
    void canonicalKeys(String raw, String expected) {
        assertEquals(expected, TagKeys.canonical(raw).orElse(null));
    }

    /** A department owns a row only where no team spelling does (seat rows carry departments, not teams). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "{\"department\": \"Sales\", \"team\": \"Web\"}   | web",
            "{\"department\": \"Sales\"}                         | sales",
            "{\"Team\": \" \", \"department\": \"Finance\"}   | finance",
            "{\"dept\": \"Ops\", \"owner\": \"platform\"}     | platform",
            "{\"seat-state\": \"unassigned\"}                    | -"})
    void aDepartmentIsTheOwnerOnlyWhereNoTeamIsNamed(String tagsJson, String team) throws Exception {
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> tags = new com.fasterxml.jackson.databind.ObjectMapper().readValue(tagsJson, java.util.Map.class);
        String[] columns = new String[ChargeInputs.size()];
        assertEquals(team, ChargeInputs.of(columns, tags).get("tagTeam"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {"Payments ,payments", "NULL,-", "'',-", "n/a,-", "Data-Platform,data-platform"})
    void normalizedValues(String raw, String expected) {
        assertEquals(expected, TagKeys.normalizeValue(raw));
    }
}
