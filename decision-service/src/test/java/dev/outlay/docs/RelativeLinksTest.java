/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every relative link in README and the Markdown under docs/, rules/, processes/ and the module folders points at a
 * file or folder that exists, so a reader following the documentation never lands on a 404 after a move. Links inside
 * fenced code blocks are examples, not links; absolute URLs and in-page anchors are out of scope.
 */
class RelativeLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> files = markdownFiles();
        assertTrue(files.contains(ROOT.resolve("README.md")), "README.md is checked");
        List<String> broken = new ArrayList<>();
        for (Path f : files) broken.addAll(brokenLinks(f));
        assertEquals(List.of(), broken, "broken relative links (file:line → target)");
    }

    @Test
    void aBrokenLinkIsFound() throws IOException {
        Path dir = Files.createTempDirectory("links");
        Files.writeString(dir.resolve("there.md"), "x");
        Path doc = dir.resolve("doc.md");
        Files.writeString(doc, "[ok](there.md) [anchor](there.md#x) [web](https://example.org/a) [gone](missing.md)\n"
                + "```\n[example](not-checked.md)\n```\n[also gone](sub/none.png)\n");
        assertEquals(List.of(doc + ":1 → missing.md", doc + ":5 → sub/none.png"), brokenLinks(doc));
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> {
                        String rel = ROOT.relativize(p).toString().replace('\\', '/');
                        return !rel.contains("node_modules/") && !rel.contains("/target/") && !rel.startsWith("target/") && !rel.startsWith(".");
                    })
                    .sorted().toList();
        }
    }

    static List<String> brokenLinks(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        boolean fenced = false;
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) continue;
            Matcher m = LINK.matcher(line);
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("#") || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) continue;
                String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                if (path.isEmpty()) continue;
                if (!Files.exists(file.getParent().resolve(path).normalize())) out.add(file + ":" + n + " → " + target);
            }
        }
        return out;
    }
}
