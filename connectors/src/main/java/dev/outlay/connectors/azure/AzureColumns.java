/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.connectors.azure;

import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.csv.CsvHeader;

import java.util.ArrayList;
import java.util.List;

/**
 * Column positions of an Azure cost export in either agreement's dialect. Names are matched ignoring case (MCA
 * writes {@code costInBillingCurrency}, EA {@code CostInBillingCurrency}); where the dialects, or versions of one,
 * name a field differently the first alias present wins: EA {@code BillingCurrencyCode} / {@code BillingCurrency},
 * EA's older {@code Cost} and {@code SubscriptionGuid}, {@code InstanceId} for {@code ResourceId}.
 */
final class AzureColumns {

    /** MCA: currency is per billing profile, which FOCUS takes as the billing account. */
    final boolean mca;
    final int date, cost, currency, chargeType, pricingModel, frequency, billingAccountId, billingAccountName,
            billingProfileId, billingProfileName, periodStart, periodEnd, invoiceId, subscriptionId, subscriptionName,
            meterCategory, meterId, serviceFamily, product, resourceId, resourceName, location, quantity, unit,
            paygCost, paygPrice, unitPrice, reservationId, reservationName, benefitId, benefitName, tags, publisher;

    AzureColumns(CsvHeader h, String file) {
        // MCA-only columns; EA exports have none of them (EA has no invoice id, PAYG cost or USD cost per row).
        mca = h.indexOf("PaygCostInBillingCurrency") >= 0 || h.indexOf("CostInUsd") >= 0 || h.indexOf("InvoiceId") >= 0;
        date = first(h, "Date", "UsageDate");
        cost = first(h, "CostInBillingCurrency", "Cost");
        currency = first(h, "BillingCurrencyCode", "BillingCurrency");
        chargeType = first(h, "ChargeType");
        pricingModel = first(h, "PricingModel");
        frequency = first(h, "Frequency");
        billingAccountId = first(h, "BillingAccountId");
        billingAccountName = first(h, "BillingAccountName");
        billingProfileId = first(h, "BillingProfileId");
        billingProfileName = first(h, "BillingProfileName");
        periodStart = first(h, "BillingPeriodStartDate");
        periodEnd = first(h, "BillingPeriodEndDate");
        invoiceId = first(h, "InvoiceId");
        subscriptionId = first(h, "SubscriptionId", "SubscriptionGuid");
        subscriptionName = first(h, "SubscriptionName");
        meterCategory = first(h, "MeterCategory");
        meterId = first(h, "MeterId");
        serviceFamily = first(h, "ServiceFamily");
        product = first(h, "ProductName", "Product");
        resourceId = first(h, "ResourceId", "InstanceId");
        resourceName = first(h, "ResourceName");
        location = first(h, "ResourceLocation", "Location");
        quantity = first(h, "Quantity");
        unit = first(h, "UnitOfMeasure");
        paygCost = first(h, "PaygCostInBillingCurrency");
        paygPrice = first(h, "PayGPrice");
        unitPrice = first(h, "UnitPrice");
        reservationId = first(h, "ReservationId");
        reservationName = first(h, "ReservationName");
        benefitId = first(h, "BenefitId");
        benefitName = first(h, "BenefitName");
        tags = first(h, "Tags");
        publisher = first(h, "PublisherName");

        List<String> missing = new ArrayList<>();
        if (date < 0) missing.add("Date");
        if (cost < 0) missing.add("CostInBillingCurrency");
        if (currency < 0) missing.add(mca ? "BillingCurrency" : "BillingCurrencyCode");
        if (chargeType < 0) missing.add("ChargeType");
        if ((mca ? billingProfileId : billingAccountId) < 0) missing.add(mca ? "BillingProfileId" : "BillingAccountId");
        if (periodStart < 0) missing.add("BillingPeriodStartDate");
        if (periodEnd < 0) missing.add("BillingPeriodEndDate");
        if (!missing.isEmpty()) {
            throw new SourceFormatException(file, 1, 0, missing.get(0), "missing mandatory column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (Azure " + (mca ? "MCA" : "EA") + " cost export)");
        }
    }

    private static int first(CsvHeader h, String... names) {
        for (String n : names) {
            int i = h.indexOf(n);
            if (i >= 0) return i;
        }
        return -1;
    }
}
