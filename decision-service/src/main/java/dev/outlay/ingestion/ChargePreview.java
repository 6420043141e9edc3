/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import dev.outlay.model.Charge;
import dev.outlay.model.FocusValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A canonical charge as a dry run shows it: FOCUS column names and values, blanks left out, tags sorted. */
final class ChargePreview {

    private ChargePreview() {
    }

    static Map<String, Object> of(Charge c) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "ProviderName", c.providerName());
        put(m, "InvoiceId", c.invoiceId());
        put(m, "BillingAccountId", c.billingAccountId());
        put(m, "SubAccountId", c.subAccountId());
        put(m, "SubAccountName", c.subAccountName());
        put(m, "BillingPeriodStart", c.billingPeriodStart());
        put(m, "ChargePeriodStart", c.chargePeriodStart());
        put(m, "ChargePeriodEnd", c.chargePeriodEnd());
        put(m, "ChargeCategory", c.chargeCategory());
        put(m, "ChargeClass", c.chargeClass());
        put(m, "ChargeDescription", c.chargeDescription());
        put(m, "ServiceCategory", c.serviceCategory());
        put(m, "ServiceName", c.serviceName());
        put(m, "ResourceId", c.resourceId());
        put(m, "RegionId", c.regionId());
        put(m, "SkuId", c.skuId());
        put(m, "PricingQuantity", c.pricingQuantity());
        put(m, "PricingUnit", c.pricingUnit());
        put(m, "ListCost", c.listCost());
        put(m, "EffectiveCost", c.effectiveCost());
        put(m, "BilledCost", c.billedCost());
        put(m, "BillingCurrency", c.billingCurrency());
        put(m, "CommitmentDiscountId", c.commitmentDiscountId());
        if (!c.tags().isEmpty()) m.put("Tags", new TreeMap<>(c.tags()));
        if (!c.flags().isEmpty()) m.put("flags", c.flags().stream().map(Enum::name).sorted().toList());
        return m;
    }

    private static void put(Map<String, Object> m, String column, Object value) {
        if (value == null) return;
        m.put(column, value instanceof FocusValue f ? f.focusValue() : value instanceof java.math.BigDecimal ? value : value.toString());
    }
}
