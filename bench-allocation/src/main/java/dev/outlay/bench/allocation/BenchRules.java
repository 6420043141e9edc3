/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.bench.allocation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The allocation table the benchmark runs: the bundled model with generated sub-account rows added before the
 * catch-all, 200 rows in all, and the support pool split by fixed ratios over three of the generated teams.
 */
final class BenchRules {

    static final int ROWS = 200;

    private BenchRules() {
    }

    static String table() throws IOException {
        String xml;
        try (InputStream in = BenchRules.class.getResourceAsStream("/rulesets/allocation/Allocation.dmn")) {
            if (in == null) throw new IllegalStateException("bundled allocation model not on the classpath");
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int existing = xml.split("<rule id=\"al", -1).length - 1;
        StringBuilder rows = new StringBuilder();
        for (int j = 0; j < ROWS - existing; j++) {
            String id = "gen" + j;
            String[] in = new String[13];
            java.util.Arrays.fill(in, "-");
            in[2] = "\"sub-%03d\"".formatted(j);
            String[] out = {"\"team-" + (j % 25) + "\"", "\"prod-" + (j % 40) + "\"", "if tagEnvironment = null then \"unknown\" else tagEnvironment",
                    "\"CC-" + (100 + j % 25) + "\"", "\"GEN-" + j + "\"", "\"Generated sub-account owner\""};
            rows.append("      <rule id=\"").append(id).append("\">\n");
            for (int i = 0; i < in.length; i++) {
                rows.append("        <inputEntry id=\"").append(id).append('i').append(i).append("\"><text>").append(in[i]).append("</text></inputEntry>\n");
            }
            for (int i = 0; i < out.length; i++) {
                rows.append("        <outputEntry id=\"").append(id).append('o').append(i).append("\"><text>")
                        .append(out[i]).append("</text></outputEntry>\n");
            }
            rows.append("      </rule>\n");
        }
        int at = xml.indexOf("      <rule id=\"al99\">");
        String table = xml.substring(0, at) + rows + xml.substring(at);
        String ratios = "{\"platform\": 50, \"data\": 30, \"web\": 20}";
        if (!table.contains(ratios)) throw new IllegalStateException("support ratios not found in the bundled model");
        return table.replace(ratios, "{\"team-1\": 50, \"team-2\": 30, \"team-3\": 20}");
    }
}
