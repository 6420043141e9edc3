/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import dev.outlay.decisions.CanonicalJson;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One charge group an offloaded engine (the Spark job) formed and decided: the rule inputs, day, currency and ledger
 * sums exactly as {@link ChargeGroups} forms them, plus the rule version's outputs for those inputs. The job writes a
 * period's groups as JSON lines in this one form and the service reads them back, so both sides share one codec.
 * Money travels as decimal text, never as a JSON float.
 */
public record OffloadedGroup(Map<String, Object> inputs, LocalDate day, String currency, BigDecimal effectiveCost, long rows,
                             Map<String, Object> outputs) {

    public ChargeGroup group() {
        return new ChargeGroup(inputs, day, currency, effectiveCost, rows);
    }

    /** The order {@link ChargeGroups#load} returns groups in, so an offloaded run folds the groups in the same order. */
    public String sortKey() {
        return new java.util.TreeMap<>(inputs) + "@" + day + "@" + currency;
    }

    public String toJsonLine() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("inputs", inputs);
        line.put("day", day.toString());
        line.put("currency", currency);
        line.put("effectiveCost", effectiveCost.toPlainString());
        line.put("rows", rows);
        line.put("outputs", outputs);
        return CanonicalJson.write(line);
    }

    @SuppressWarnings("unchecked")
    public static OffloadedGroup fromJsonLine(String json) {
        Map<String, Object> m = CanonicalJson.readObject(json);
        Object inputs = m.get("inputs");
        Object outputs = m.get("outputs");
        if (!(inputs instanceof Map<?, ?>) || !(outputs instanceof Map<?, ?>) || m.get("day") == null || m.get("currency") == null
                || m.get("effectiveCost") == null || m.get("rows") == null) {
            throw new IllegalArgumentException("offloaded group line lacks inputs, day, currency, effectiveCost, rows or outputs");
        }
        return new OffloadedGroup((Map<String, Object>) inputs, LocalDate.parse(m.get("day").toString()), m.get("currency").toString(),
                new BigDecimal(m.get("effectiveCost").toString()), new BigDecimal(m.get("rows").toString()).longValueExact(),
                (Map<String, Object>) outputs);
    }

    public static void write(List<OffloadedGroup> groups, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (OffloadedGroup g : groups) {
                w.write(g.toJsonLine());
                w.write('\n');
            }
        }
    }

    public static List<OffloadedGroup> read(Path file) throws IOException {
        List<OffloadedGroup> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                try {
                    out.add(fromJsonLine(line));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file.getFileName() + " line " + n + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }
}
