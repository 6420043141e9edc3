/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job refuses what it cannot run before Spark starts, naming the argument. */
class JobArgsTest {

    static final String HASH = "a".repeat(64);
    static final Map<String, String> ENV = Map.of("OUTLAY_SPARK_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/x",
            "OUTLAY_SPARK_JDBC_USER", "outlay_app", "OUTLAY_SPARK_JDBC_PASSWORD", "secret");

    static List<String> args(Path rules, String tenant, String period, String hash) {
        return new ArrayList<>(List.of("--tenant", tenant, "--period", period, "--version", hash, "--rules", rules.toString(),
                "--out", rules.resolveSibling("out.jsonl").toString()));
    }

    @Test
    void validArgumentsParse() throws Exception {
        Path rules = Files.createTempFile("rules", ".dmn");
        JobArgs a = JobArgs.parse(args(rules, "acme-co", "2024-10-01", HASH), ENV);
        assertEquals("local[2]", a.master());
        assertEquals("acme-co", a.tenant());
        assertEquals("outlay_app", a.jdbcProperties().getProperty("user"));
        assertTrue(a.jdbcProperties().getProperty("sessionInitStatement").contains("'acme-co'"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "quote in tenant|acme' OR '1|2024-10-01|a|--tenant",
            "upper-case tenant|Acme|2024-10-01|a|--tenant",
            "mid-month period|acme|2024-10-15|a|first day of a month",
            "not a date|acme|2024-13-01|a|--period",
            "short hash|acme|2024-10-01|abc|--version"})
    void refusals(String name, String tenant, String period, String hashKind, String expected) throws Exception {
        Path rules = Files.createTempFile("rules", ".dmn");
        String hash = hashKind.equals("a") ? HASH : hashKind;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobArgs.parse(args(rules, tenant, period, hash), ENV));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void missingRulesFileAndJdbcUrlAreRefused() throws Exception {
        Path rules = Files.createTempFile("rules", ".dmn");
        List<String> a = args(rules, "acme", "2024-10-01", HASH);
        a.set(a.indexOf("--rules") + 1, "/nonexistent/rules.dmn");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JobArgs.parse(a, ENV)).getMessage().contains("--rules"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JobArgs.parse(args(rules, "acme", "2024-10-01", HASH), Map.of()))
                .getMessage().contains("OUTLAY_SPARK_JDBC_URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JobArgs.parse(List.of("--tenant"), ENV)).getMessage().contains("pairs"));
    }
}
