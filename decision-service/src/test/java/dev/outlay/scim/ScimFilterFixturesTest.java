/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The filters IdPs and admin tools send, and the ones refused (src/test/resources/scim/filters.tsv). */
class ScimFilterFixturesTest {

    static Stream<String[]> rows() throws IOException {
        List<String[]> rows = Files.readAllLines(Path.of("src/test/resources/scim/filters.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t", -1)).toList();
        if (rows.size() < 12) throw new IllegalStateException("expected the filter fixtures");
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void parsesAsTheFixtureSays(String filter, String expected, String params) {
        if (expected.startsWith("ERROR:")) {
            ScimException e = assertThrows(ScimException.class, () -> ScimFilter.parse(filter, ScimUsers.COLUMNS));
            assertEquals(expected.substring(6), e.scimType());
            assertEquals(400, e.status());
            return;
        }
        List<Object> bound = new ArrayList<>();
        assertEquals(expected, ScimFilter.parse(filter, ScimUsers.COLUMNS).sql(bound));
        assertEquals(params.isEmpty() ? List.of() : Arrays.asList((Object[]) params.split("\\|")), bound);
    }
}
