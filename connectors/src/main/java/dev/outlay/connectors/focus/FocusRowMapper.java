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
package dev.outlay.connectors.focus;

import dev.outlay.connectors.Row;
import dev.outlay.connectors.RowMapper;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.Tags;
import dev.outlay.connectors.csv.CsvHeader;
import dev.outlay.model.ChargeBuilder;
import dev.outlay.model.ChargeCategory;
import dev.outlay.model.ChargeClass;
import dev.outlay.model.ChargeFrequency;
import dev.outlay.model.CommitmentDiscountCategory;
import dev.outlay.model.CommitmentDiscountStatus;
import dev.outlay.model.DataQualityFlag;
import dev.outlay.model.FocusValue;
import dev.outlay.model.PricingCategory;
import dev.outlay.model.ServiceCategory;

import java.util.List;

/**
 * FOCUS 1.0–1.2 CSV → canonical charge: column for column. Tolerates the quirks of published samples and
 * flags them: literal "NULL", vocabulary in the wrong case ("Usage-based"), "YYYY-MM-DD HH:MM:SS" timestamps.
 */
final class FocusRowMapper implements RowMapper {

    static final List<String> MANDATORY = List.of("BilledCost", "EffectiveCost", "ChargeCategory", "BillingPeriodStart",
            "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd", "BillingCurrency", "BillingAccountId");

    private final String schemaVersion;
    private final int billed, effective, list, contracted, category, chargeClass, frequency, description, periodStart,
            periodEnd, chargeStart, chargeEnd, currency, account, accountName, subAccount, subAccountName, provider,
            publisher, issuer, invoiceId, serviceCategory, serviceName, resourceId, resourceName, resourceType, regionId,
            regionName, az, skuId, skuPriceId, pricingCategory, pricingQuantity, pricingUnit, consumedQuantity,
            consumedUnit, listUnitPrice, contractedUnitPrice, cdId, cdName, cdCategory, cdType, cdStatus, tags, xUsageType, xOperation;

    FocusRowMapper(CsvHeader h, String file) {
        List<String> missing = MANDATORY.stream().filter(m -> h.indexOf(m) < 0).toList();
        if (!missing.isEmpty()) {
            throw new SourceFormatException(file, 1, 0, missing.get(0), "missing mandatory FOCUS column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        if (h.indexOf("ProviderName") < 0 && h.indexOf("ServiceProviderName") < 0) {
            throw new SourceFormatException(file, 1, 0, "ProviderName", "missing mandatory FOCUS column ProviderName");
        }
        schemaVersion = h.indexOf("InvoiceId") >= 0 || h.indexOf("BillingAccountType") >= 0 ? "focus-1.2/1"
                : h.indexOf("ServiceSubcategory") >= 0 || h.indexOf("CommitmentDiscountQuantity") >= 0 ? "focus-1.1/1"
                : "focus-1.0/1";
        billed = h.indexOf("BilledCost");
        effective = h.indexOf("EffectiveCost");
        list = h.indexOf("ListCost");
        contracted = h.indexOf("ContractedCost");
        category = h.indexOf("ChargeCategory");
        chargeClass = h.indexOf("ChargeClass");
        frequency = h.indexOf("ChargeFrequency");
        description = h.indexOf("ChargeDescription");
        periodStart = h.indexOf("BillingPeriodStart");
        periodEnd = h.indexOf("BillingPeriodEnd");
        chargeStart = h.indexOf("ChargePeriodStart");
        chargeEnd = h.indexOf("ChargePeriodEnd");
        currency = h.indexOf("BillingCurrency");
        account = h.indexOf("BillingAccountId");
        accountName = h.indexOf("BillingAccountName");
        subAccount = h.indexOf("SubAccountId");
        subAccountName = h.indexOf("SubAccountName");
        provider = h.indexOf("ProviderName") >= 0 ? h.indexOf("ProviderName") : h.indexOf("ServiceProviderName");
        publisher = h.indexOf("PublisherName");
        issuer = h.indexOf("InvoiceIssuerName");
        invoiceId = h.indexOf("InvoiceId");
        serviceCategory = h.indexOf("ServiceCategory");
        serviceName = h.indexOf("ServiceName");
        resourceId = h.indexOf("ResourceId");
        resourceName = h.indexOf("ResourceName");
        resourceType = h.indexOf("ResourceType");
        regionId = h.indexOf("RegionId");
        regionName = h.indexOf("RegionName");
        az = h.indexOf("AvailabilityZone");
        skuId = h.indexOf("SkuId");
        skuPriceId = h.indexOf("SkuPriceId");
        pricingCategory = h.indexOf("PricingCategory");
        pricingQuantity = h.indexOf("PricingQuantity");
        pricingUnit = h.indexOf("PricingUnit");
        consumedQuantity = h.indexOf("ConsumedQuantity");
        consumedUnit = h.indexOf("ConsumedUnit");
        listUnitPrice = h.indexOf("ListUnitPrice");
        contractedUnitPrice = h.indexOf("ContractedUnitPrice");
        cdId = h.indexOf("CommitmentDiscountId");
        cdName = h.indexOf("CommitmentDiscountName");
        cdCategory = h.indexOf("CommitmentDiscountCategory");
        cdType = h.indexOf("CommitmentDiscountType");
        cdStatus = h.indexOf("CommitmentDiscountStatus");
        tags = h.indexOf("Tags");
        // AWS extension columns of its FOCUS export; absent from other providers' files (then null).
        xUsageType = h.indexOf("x_UsageType");
        xOperation = h.indexOf("x_Operation");
    }

    @Override
    public String schemaVersion() {
        return schemaVersion;
    }

    @Override
    public void map(Row r) {
        ChargeBuilder b = r.out();
        ChargeCategory cat = vocab(r, category, ChargeCategory.class);
        if (cat == null) {
            cat = ChargeCategory.ADJUSTMENT;
            b.flag(DataQualityFlag.UNMAPPED_CHARGE_CATEGORY);
        }
        ServiceCategory sc = vocab(r, serviceCategory, ServiceCategory.class);
        if (sc == null) {
            sc = ServiceCategory.OTHER;
            b.flag(DataQualityFlag.UNMAPPED_SERVICE_CATEGORY);
        }
        var billedCost = r.requiredDecimal(billed);
        String accountId = r.required(account);
        String providerName = r.text(provider);
        b.chargeCategory(cat)
                .chargeClass(vocab(r, chargeClass, ChargeClass.class))
                .chargeFrequency(vocab(r, frequency, ChargeFrequency.class))
                .chargeDescription(r.text(description))
                .billedCost(billedCost)
                .effectiveCost(r.requiredDecimal(effective))
                .listCost(orElse(r.decimal(list), billedCost))
                .contractedCost(orElse(r.decimal(contracted), billedCost))
                .billingPeriodStart(r.requiredInstant(periodStart))
                .billingPeriodEnd(r.requiredInstant(periodEnd))
                .chargePeriodStart(r.requiredInstant(chargeStart))
                .chargePeriodEnd(r.requiredInstant(chargeEnd))
                .billingCurrency(r.required(currency))
                .billingAccountId(accountId)
                .billingAccountName(orElse(r.text(accountName), accountId))
                .subAccountId(r.text(subAccount))
                .subAccountName(r.text(subAccountName))
                .providerName(orElse(providerName, "Unknown"))
                .publisherName(orElse(r.text(publisher), providerName))
                .invoiceIssuerName(orElse(r.text(issuer), providerName))
                .invoiceId(r.text(invoiceId))
                .serviceCategory(sc)
                .serviceName(orElse(r.text(serviceName), sc.focusValue()))
                .resourceId(r.text(resourceId))
                .resourceName(r.text(resourceName))
                .resourceType(r.text(resourceType))
                .regionId(r.text(regionId))
                .regionName(r.text(regionName))
                .availabilityZone(r.text(az))
                .skuId(r.text(skuId))
                .skuPriceId(r.text(skuPriceId))
                .pricingCategory(vocab(r, pricingCategory, PricingCategory.class))
                .pricingQuantity(r.decimal(pricingQuantity))
                .pricingUnit(r.text(pricingUnit))
                .consumedQuantity(r.decimal(consumedQuantity))
                .consumedUnit(r.text(consumedUnit))
                .listUnitPrice(r.decimal(listUnitPrice))
                .contractedUnitPrice(r.decimal(contractedUnitPrice))
                .commitmentDiscountId(r.text(cdId))
                .commitmentDiscountName(r.text(cdName))
                .commitmentDiscountCategory(vocab(r, cdCategory, CommitmentDiscountCategory.class))
                .commitmentDiscountType(r.text(cdType))
                .commitmentDiscountStatus(vocab(r, cdStatus, CommitmentDiscountStatus.class))
                .tags(Tags.parseJsonObject(r.text(tags), b))
                .xUsageType(r.text(xUsageType))
                .xOperation(r.text(xOperation));
        if (providerName == null) b.flag(DataQualityFlag.DEFAULTED_VALUE);
    }

    /** Exact FOCUS spelling, else a case-insensitive match (flagged), else null (flagged by the caller or here). */
    private static <E extends Enum<E> & FocusValue> E vocab(Row r, int index, Class<E> type) {
        String v = r.text(index);
        if (v == null) return null;
        try {
            return FocusValue.parse(type, v);
        } catch (IllegalArgumentException strict) {
            E e = FocusValue.parseIgnoringCase(type, v);
            r.out().flag(e != null ? DataQualityFlag.VOCABULARY_CASE : DataQualityFlag.DEFAULTED_VALUE);
            return e;
        }
    }

    private static <T> T orElse(T v, T fallback) {
        return v != null ? v : fallback;
    }
}
