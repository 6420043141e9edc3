/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.spark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A FOCUS 1.x CSV month written for this test: two billing accounts in two currencies over several days, ownership
 * tags in the spellings real exports mix (Team, user:team with a trailing blank, owner, cost-center, CostCentre, env),
 * untagged usage, tax, a credit and a purchase, amounts with ten decimals. Deterministic: the same bytes every run.
 */
final class LedgerFixture {

    static final String HEADER = "BilledCost,BillingAccountId,BillingAccountName,BillingAccountType,BillingCurrency,BillingPeriodEnd,"
            + "BillingPeriodStart,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,ChargePeriodEnd,ChargePeriodStart,"
            + "CommitmentDiscountCategory,CommitmentDiscountId,CommitmentDiscountName,CommitmentDiscountStatus,CommitmentDiscountType,"
            + "ConsumedQuantity,ConsumedUnit,ContractedCost,ContractedUnitPrice,EffectiveCost,InvoiceId,InvoiceIssuerName,ListCost,"
            + "ListUnitPrice,PricingCategory,PricingQuantity,PricingUnit,ProviderName,PublisherName,RegionId,RegionName,ResourceId,"
            + "ResourceName,ResourceType,ServiceCategory,ServiceName,SkuId,SkuPriceId,SubAccountId,SubAccountName,Tags";

    private static final List<String> TAGS = List.of(
            "{\"\"Team\"\":\"\"Payments\"\",\"\"env\"\":\"\"prod\"\"}",
            "{\"\"user:team\"\":\"\"payments \"\",\"\"env\"\":\"\"prod\"\"}",
            "{\"\"team\"\":\"\"web\"\",\"\"cost-center\"\":\"\"CC-1\"\",\"\"env\"\":\"\"prod\"\"}",
            "{\"\"owner\"\":\"\"Data\"\",\"\"CostCentre\"\":\"\"CC-7\"\",\"\"env\"\":\"\"dev\"\"}",
            "{\"\"Team\"\":\"\"\"\",\"\"team\"\":\"\"web\"\"}",
            "");

    private LedgerFixture() {
    }

    static String csv(int days) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        LocalDate start = LocalDate.of(2024, 10, 1);
        for (int d = 0; d < days; d++) {
            LocalDate day = start.plusDays(d);
            for (String[] account : new String[][]{{"acct-eu", "EUR", "eu-central", "shop"}, {"acct-us", "USD", "us-east-1", "web"}}) {
                for (int i = 0; i < 24; i++) {
                    BigDecimal cost = new BigDecimal(((d * 37 + i * 13) % 97) + "." + String.format("%010d", (d * 7919L + i * 104729L) % 10_000_000_000L));
                    String tags = TAGS.get(i % TAGS.size());
                    row(out, account, day, "Usage", "VM hours", "Usage-Based", cost, "vm-" + account[3] + "-" + (i % 9), "Compute", "VM", tags);
                }
                row(out, account, day, "Tax", "VAT", "Usage-Based", new BigDecimal("3.3333333333").add(BigDecimal.valueOf(d)), "", "Compute", "VM", "");
                if (d == 1) row(out, account, day, "Credit", "promotional credit", "One-Time", new BigDecimal("-5.5500000001"), "", "Compute", "VM", "");
                if (d == 2) row(out, account, day, "Purchase", "reservation fee", "One-Time", new BigDecimal("20.0000000007"), "", "Compute", "VM", "");
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String[] account, LocalDate day, String category, String description, String frequency,
                            BigDecimal cost, String resource, String serviceCategory, String service, String tags) {
        String c = cost.toPlainString();
        boolean usage = category.equals("Usage");
        out.append(String.join(",", c, account[0], "Acme Cloud", "Billing Profile", account[1], "2024-11-01T00:00:00Z", "2024-10-01T00:00:00Z",
                category, "", description, frequency, day.plusDays(1) + "T00:00:00Z", day + "T00:00:00Z", "", "", "", "", "",
                usage ? "1" : "", usage ? "Hours" : "", c, "", c, "INV-1", "Acme Cloud GmbH", c, "", usage ? "Standard" : "", usage ? "1" : "",
                usage ? "Hours" : "", "Acme Cloud", "Acme Cloud", account[2], account[2], resource, "", "", serviceCategory, service, "", "",
                account[3], account[3], tags.isEmpty() ? "" : "\"" + tags + "\"")).append('\n');
    }
}
