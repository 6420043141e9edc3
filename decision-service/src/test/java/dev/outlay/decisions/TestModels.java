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

/** Small DMN/DRL texts for tests, and the bundled spend policy with targeted edits. */
final class TestModels {

    private TestModels() {
    }

    static String spendPolicy() {
        try (InputStream in = TestModels.class.getClassLoader().getResourceAsStream("rulesets/spend-policy/SpendPolicy.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Spend policy whose "large request" warning (SP-10) starts at 4,000 instead of 5,000. */
    static String spendPolicyWarnFrom4000() {
        String xml = spendPolicy();
        String changed = xml.replace("<inputEntry id=\"sp10c\"><text>&gt;= 5000</text></inputEntry>",
                "<inputEntry id=\"sp10c\"><text>&gt;= 4000</text></inputEntry>");
        if (changed.equals(xml)) throw new IllegalStateException("SP-10 cell not found");
        return changed;
    }

    /** One decision table "band" on input "amount" (number); rows are (input entry, output entry) pairs. */
    static String bands(String hitPolicy, String outputType, String... rows) {
        StringBuilder sb = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="bands" name="Bands"
                             namespace="https://outlay.dev/test/bands">
                  <inputData id="in_amount" name="amount"><variable id="v_amount" name="amount" typeRef="number"/></inputData>
                  <decision id="d_band" name="band">
                    <variable id="v_band" name="band" typeRef="%s"/>
                    <informationRequirement id="ir1"><requiredInput href="#in_amount"/></informationRequirement>
                    <decisionTable id="dt_band" hitPolicy="%s">
                      <input id="i_amount" label="amount"><inputExpression id="ie_amount" typeRef="number"><text>amount</text></inputExpression></input>
                      <output id="o_band" typeRef="%s"/>
                """.formatted(outputType, hitPolicy, outputType));
        for (int i = 0; i < rows.length; i += 2) {
            int n = i / 2 + 1;
            sb.append("      <rule id=\"r").append(n).append("\"><inputEntry id=\"r").append(n).append("i\"><text>")
                    .append(rows[i].replace("<", "&lt;").replace(">", "&gt;")).append("</text></inputEntry><outputEntry id=\"r").append(n)
                    .append("o\"><text>").append(rows[i + 1]).append("</text></outputEntry></rule>\n");
        }
        sb.append("    </decisionTable>\n  </decision>\n</definitions>\n");
        return sb.toString();
    }

    static final String DRL_OK = """
            package rules.test;
            global java.util.Map outputs;

            rule "big amounts need review"
            when
                $in : java.util.Map( this["amount"] != null, ((java.math.BigDecimal) this["amount"]).intValue() >= 1000 )
            then
                outputs.put("review", true);
            end
            """;

    static final String DRL_BROKEN = """
            package rules.test;
            global java.util.Map outputs;

            rule "broken"
            when
                $in : java.util.Map( this["amount"] >>> 3 )
            then
                outputs.put("review", true)
            end
            """;
}
