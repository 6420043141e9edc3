/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * PATCH shapes real IdPs send, one fixture per shape (src/test/resources/scim/patch): the resource before, the PatchOp,
 * and the resource after or the scimType of the refusal. Group fixtures (a resource with members) are patched with the
 * group rules, the others with the user rules.
 */
class ScimPatchFixturesTest {

    static final Path DIR = Path.of("src/test/resources/scim/patch");
    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> fixtures() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        if (files.size() < 15) throw new IllegalStateException("expected the PATCH fixtures in " + DIR);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void appliesAsTheFixtureSays(Path file) throws IOException {
        JsonNode fixture = JSON.readTree(file.toFile());
        ObjectNode resource = fixture.get("resource").deepCopy();
        ScimPatch patch = resource.has("members") ? new ScimPatch(ScimMedia.GROUP, Set.of("meta")) : ScimUsers.PATCH;
        if (fixture.has("error")) {
            ScimException e = assertThrows(ScimException.class, () -> patch.apply(resource, fixture.get("patch")), fixture.get("description").asText());
            assertEquals(fixture.get("error").asText(), e.scimType(), e.getMessage());
            assertEquals(400, e.status());
            return;
        }
        patch.apply(resource, fixture.get("patch"));
        assertEquals(fixture.get("expected"), resource, fixture.get("description").asText());
    }
}
