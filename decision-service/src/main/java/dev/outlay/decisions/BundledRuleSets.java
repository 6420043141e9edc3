/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rule sets shipped in the outlay-rules jar (classpath {@code rulesets/<name>/...}); version 1 for every tenant. */
public final class BundledRuleSets {

    public record Bundled(String name, RuleKind kind, String content, String scenarios) {
    }

    private static volatile List<Bundled> all;

    private BundledRuleSets() {
    }

    public static List<Bundled> all() {
        if (all == null) all = load();
        return all;
    }

    public static Optional<Bundled> find(String name) {
        return all().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    private static List<Bundled> load() {
        List<Bundled> out = new ArrayList<>();
        String index = read("rulesets/index.txt").orElseThrow(() -> new IllegalStateException("rulesets/index.txt missing from the classpath"));
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) continue;
            String pascal = pascal(name);
            Optional<String> dmn = read("rulesets/" + name + "/" + pascal + ".dmn");
            Optional<String> drl = read("rulesets/" + name + "/" + pascal + ".drl");
            String scenarios = read("rulesets/" + name + "/scenarios/golden.json").orElse("[]");
            if (dmn.isPresent()) out.add(new Bundled(name, RuleKind.DMN, ContentHash.canonicalize(dmn.get()), scenarios));
            else if (drl.isPresent()) out.add(new Bundled(name, RuleKind.DRL, ContentHash.canonicalize(drl.get()), scenarios));
            else throw new IllegalStateException("bundled rule set " + name + " has no " + pascal + ".dmn or .drl");
        }
        return List.copyOf(out);
    }

    /** Folder {@code spend-policy} holds {@code SpendPolicy.dmn}. */
    static String pascal(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("-")) {
            if (!part.isEmpty()) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    private static Optional<String> read(String path) {
        try (InputStream in = BundledRuleSets.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
