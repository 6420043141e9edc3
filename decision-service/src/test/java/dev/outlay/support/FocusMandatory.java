/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.support;

import java.util.ArrayList;
import java.util.List;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FOCUS export of a billing period, checked for the rows of one provider: every FOCUS 1.2 column that is
 * mandatory and never null for such rows has a value (the FOCUS conformance test checks the full rule set).
 */
public final class FocusMandatory {

    public static final List<String> NOT_NULL = List.of("BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency",
            "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeDescription", "ChargeFrequency", "ChargePeriodEnd",
            "ChargePeriodStart", "ContractedCost", "EffectiveCost", "InvoiceIssuerName", "ListCost", "ProviderName", "PublisherName",
            "ServiceCategory", "ServiceName");

    private FocusMandatory() {
    }

    /** The number of exported rows of {@code provider} in {@code period}; fails on any with an empty mandatory column. */
    public static int check(String tenant, String period, String provider) {
        String csv = given().header("Authorization", bearer(tenant, "focus-fin", "finance")).get("/api/v1/exports/focus?billingPeriod=" + period)
                .then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r?\n");
        List<String> header = cells(lines[0]);
        int rows = 0;
        for (int i = 1; i < lines.length; i++) {
            List<String> c = cells(lines[i]);
            assertEquals(header.size(), c.size(), lines[i]);
            if (!provider.equals(c.get(header.indexOf("ProviderName")))) continue;
            rows++;
            for (String col : NOT_NULL) assertFalse(c.get(header.indexOf(col)).isEmpty(), col + " empty in " + lines[i]);
        }
        assertTrue(rows > 0, "no " + provider + " row in the export of " + period);
        return rows;
    }

    /** RFC 4180 cells of one line (the export writes no line breaks inside cells). */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
