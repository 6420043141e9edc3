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
package dev.outlay.connectors.aws;

import dev.outlay.connectors.Row;
import dev.outlay.connectors.RowMapper;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.Tags;
import dev.outlay.model.ChargeBuilder;
import dev.outlay.model.ChargeCategory;
import dev.outlay.model.ChargeFrequency;
import dev.outlay.model.CommitmentDiscountCategory;
import dev.outlay.model.CommitmentDiscountStatus;
import dev.outlay.model.DataQualityFlag;
import dev.outlay.model.PricingCategory;
import dev.outlay.model.ServiceCategory;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS CUR (legacy and 2.0) → canonical charge. Billed cost is what the invoice shows (unblended), except that
 * Savings Plan covered usage and its negation bill 0 (they cancel each other in unblended cost). Effective cost
 * is amortized: commitment-covered usage carries its share of the commitment, the purchase rows carry only
 * the unused part, so the commitment is neither lost nor counted twice. Rules: docs/mappings/aws-cur.md.
 */
final class CurRowMapper implements RowMapper {

    static final List<String> MANDATORY = List.of("bill_payer_account_id", "bill_billing_period_start_date",
            "bill_billing_period_end_date", "line_item_line_item_type", "line_item_usage_start_date",
            "line_item_usage_end_date", "line_item_unblended_cost", "line_item_currency_code");

    private final CurColumns cols;
    private final String schemaVersion;
    private final int payer, payerName, periodStart, periodEnd, type, usageStart, usageEnd, unblended, currency,
            invoiceId, invoicingEntity, legalEntity, usageAccount, usageAccountName, description, productCode,
            productName, serviceNameCol, resourceId, regionCode, region, location, az, sku, rateCode, usageAmount, pricingUnit,
            unblendedRate, publicCost, publicRate, riArn, riEffective, riUnusedUpfront, riUnusedRecurring, spArn,
            spEffective, spTotalCommitment, spUsedCommitment, resourceTags, productFamily, usageType, operation;

    CurRowMapper(CurColumns cols, String file) {
        this.cols = cols;
        this.schemaVersion = cols.legacy ? "aws-cur-legacy/1" : cols.athena ? "aws-cur-legacy-parquet/1" : "aws-cur-2.0/1";
        List<String> missing = MANDATORY.stream().filter(m -> cols.index(m) < 0)
                .map(m -> cols.legacy ? legacyName(m) : m).toList();
        if (!missing.isEmpty()) {
            throw new SourceFormatException(file, 1, 0, missing.get(0), "missing mandatory column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        payer = cols.index("bill_payer_account_id");
        payerName = cols.index("bill_payer_account_name");
        periodStart = cols.index("bill_billing_period_start_date");
        periodEnd = cols.index("bill_billing_period_end_date");
        type = cols.index("line_item_line_item_type");
        usageStart = cols.index("line_item_usage_start_date");
        usageEnd = cols.index("line_item_usage_end_date");
        unblended = cols.index("line_item_unblended_cost");
        currency = cols.index("line_item_currency_code");
        invoiceId = cols.index("bill_invoice_id");
        invoicingEntity = cols.index("bill_invoicing_entity");
        legalEntity = cols.index("line_item_legal_entity");
        usageAccount = cols.index("line_item_usage_account_id");
        usageAccountName = cols.index("line_item_usage_account_name");
        description = cols.index("line_item_line_item_description");
        productCode = cols.index("line_item_product_code");
        productName = cols.index("product_product_name");
        serviceNameCol = cols.index("product_servicename");
        productFamily = cols.index("product_product_family");
        resourceId = cols.index("line_item_resource_id");
        regionCode = cols.index("product_region_code");
        region = cols.index("product_region");
        location = cols.index("product_location");
        az = cols.index("line_item_availability_zone");
        sku = cols.index("product_sku");
        rateCode = cols.index("pricing_rate_code");
        usageAmount = cols.index("line_item_usage_amount");
        pricingUnit = cols.index("pricing_unit");
        unblendedRate = cols.index("line_item_unblended_rate");
        publicCost = cols.index("pricing_public_on_demand_cost");
        publicRate = cols.index("pricing_public_on_demand_rate");
        riArn = cols.index("reservation_reservation_a_r_n");
        riEffective = cols.index("reservation_effective_cost");
        riUnusedUpfront = cols.index("reservation_unused_amortized_upfront_fee_for_billing_period");
        riUnusedRecurring = cols.index("reservation_unused_recurring_fee");
        spArn = cols.index("savings_plan_savings_plan_a_r_n");
        spEffective = cols.index("savings_plan_savings_plan_effective_cost");
        spTotalCommitment = cols.index("savings_plan_total_commitment_to_date");
        spUsedCommitment = cols.index("savings_plan_used_commitment");
        resourceTags = cols.index("resource_tags");
        // Legacy lineItem/UsageType and lineItem/Operation resolve to the same snake names.
        usageType = cols.index("line_item_usage_type");
        operation = cols.index("line_item_operation");
    }

    @Override
    public String schemaVersion() {
        return schemaVersion;
    }

    @Override
    public void map(Row r) {
        ChargeBuilder b = r.out();
        String typeName = r.required(type);
        LineItemType t = LineItemType.of(typeName);
        BigDecimal unblendedCost = r.requiredDecimal(unblended);

        ChargeCategory category = t == null ? ChargeCategory.ADJUSTMENT : t.category;
        if (t == null) b.flag(DataQualityFlag.UNMAPPED_CHARGE_CATEGORY);
        b.chargeCategory(category).chargeFrequency(t == null ? ChargeFrequency.ONE_TIME : t.frequency);

        String payerId = r.required(payer);
        b.providerName("AWS")
                .publisherName(firstNonNull(r.text(legalEntity), "Amazon Web Services, Inc."))
                .invoiceIssuerName(firstNonNull(r.text(invoicingEntity), r.text(legalEntity), "Amazon Web Services, Inc."))
                .invoiceId(r.text(invoiceId))
                .billingAccountId(payerId)
                .billingAccountName(firstNonNull(r.text(payerName), payerId))
                .subAccountId(r.text(usageAccount))
                .subAccountName(firstNonNull(r.text(usageAccountName), r.text(usageAccount)))
                .billingPeriodStart(r.requiredInstant(periodStart))
                .billingPeriodEnd(r.requiredInstant(periodEnd))
                .chargePeriodStart(r.requiredInstant(usageStart))
                .chargePeriodEnd(r.requiredInstant(usageEnd))
                .chargeDescription(r.text(description))
                .billingCurrency(r.required(currency));

        String code = r.text(productCode);
        ServiceCategory sc = AwsServiceCategories.of(code);
        if (sc == null) {
            sc = ServiceCategory.OTHER;
            b.flag(DataQualityFlag.UNMAPPED_SERVICE_CATEGORY);
        }
        b.serviceCategory(sc)
                .serviceName(firstNonNull(r.text(productName), r.text(serviceNameCol), code, "AWS"))
                .resourceId(r.text(resourceId))
                .resourceType(r.text(productFamily))
                .regionId(firstNonNull(r.text(regionCode), r.text(region)))
                .regionName(r.text(location))
                .availabilityZone(r.text(az))
                .skuId(r.text(sku))
                .skuPriceId(r.text(rateCode))
                .xUsageType(r.text(usageType))
                .xOperation(r.text(operation));

        boolean tax = category == ChargeCategory.TAX;
        boolean usageLike = category == ChargeCategory.USAGE;
        if (!tax) {
            BigDecimal qty = r.decimal(usageAmount);
            String unit = r.text(pricingUnit);
            b.pricingQuantity(qty).pricingUnit(qty == null ? null : firstNonNull(unit, "Units"));
            if (usageLike) b.consumedQuantity(qty).consumedUnit(qty == null ? null : firstNonNull(unit, "Units"));
            b.pricingCategory(PricingCategory.STANDARD);
        }

        BigDecimal billed = unblendedCost;
        BigDecimal effective = unblendedCost;
        BigDecimal list = unblendedCost;
        BigDecimal contracted = unblendedCost;
        if (t != null) {
            switch (t) {
                case USAGE -> {
                    list = firstNonNull(r.decimal(publicCost), unblendedCost);
                    b.listUnitPrice(r.decimal(publicRate)).contractedUnitPrice(r.decimal(unblendedRate));
                }
                case DISCOUNTED_USAGE -> {
                    effective = amortized(r, riEffective, unblendedCost);
                    list = firstNonNull(r.decimal(publicCost), unblendedCost);
                    commitment(b, r.text(riArn), CommitmentDiscountCategory.USAGE, "Reserved Instance");
                    b.pricingCategory(PricingCategory.COMMITTED).commitmentDiscountStatus(CommitmentDiscountStatus.USED);
                }
                case SAVINGS_PLAN_COVERED_USAGE -> {
                    billed = BigDecimal.ZERO; // the SP fee rows bill it; unblended here is on-demand, cancelled by the negation
                    effective = amortized(r, spEffective, unblendedCost);
                    list = firstNonNull(r.decimal(publicCost), unblendedCost);
                    contracted = unblendedCost;
                    commitment(b, r.text(spArn), CommitmentDiscountCategory.SPEND, "Savings Plan");
                    b.pricingCategory(PricingCategory.COMMITTED).commitmentDiscountStatus(CommitmentDiscountStatus.USED);
                }
                case SAVINGS_PLAN_NEGATION -> {
                    billed = BigDecimal.ZERO;
                    effective = BigDecimal.ZERO;
                    list = BigDecimal.ZERO;
                    contracted = BigDecimal.ZERO;
                    commitment(b, r.text(spArn), CommitmentDiscountCategory.SPEND, "Savings Plan");
                }
                case SAVINGS_PLAN_RECURRING_FEE -> {
                    // Amortized view keeps only the unused commitment here; the used part is in covered usage.
                    BigDecimal total = r.decimal(spTotalCommitment);
                    BigDecimal used = r.decimal(spUsedCommitment);
                    effective = total != null && used != null ? total.subtract(used) : unblendedCost;
                    if (total == null || used == null) b.flag(DataQualityFlag.DEFAULTED_VALUE);
                    commitment(b, r.text(spArn), CommitmentDiscountCategory.SPEND, "Savings Plan");
                }
                case SAVINGS_PLAN_UPFRONT_FEE -> {
                    effective = BigDecimal.ZERO; // amortized into covered usage over the term
                    commitment(b, r.text(spArn), CommitmentDiscountCategory.SPEND, "Savings Plan");
                }
                case RI_FEE -> {
                    BigDecimal upfront = r.decimal(riUnusedUpfront);
                    BigDecimal recurring = r.decimal(riUnusedRecurring);
                    effective = (upfront == null ? BigDecimal.ZERO : upfront).add(recurring == null ? BigDecimal.ZERO : recurring);
                    commitment(b, r.text(riArn), CommitmentDiscountCategory.USAGE, "Reserved Instance");
                }
                case FEE -> {
                    String arn = r.text(riArn);
                    if (arn != null) { // RI upfront payment: amortized into DiscountedUsage
                        effective = BigDecimal.ZERO;
                        commitment(b, arn, CommitmentDiscountCategory.USAGE, "Reserved Instance");
                    }
                }
                default -> {
                }
            }
        }
        b.billedCost(billed).effectiveCost(effective).listCost(list).contractedCost(contracted);
        b.tags(tags(r));
    }

    private static BigDecimal amortized(Row r, int column, BigDecimal fallback) {
        BigDecimal v = r.decimal(column);
        if (v == null) {
            r.out().flag(DataQualityFlag.DEFAULTED_VALUE);
            return fallback;
        }
        return v;
    }

    private static void commitment(ChargeBuilder b, String arn, CommitmentDiscountCategory category, String type) {
        if (arn == null) return;
        int slash = arn.lastIndexOf('/');
        b.commitmentDiscountId(arn).commitmentDiscountName(slash >= 0 ? arn.substring(slash + 1) : arn)
                .commitmentDiscountCategory(category).commitmentDiscountType(type);
    }

    private Map<String, String> tags(Row r) {
        if (resourceTags >= 0) return Tags.parseJsonObject(r.text(resourceTags), r.out());
        int n = cols.legacyTagCount();
        if (n == 0) return Map.of();
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String v = r.text(cols.legacyTagColumn(i));
            if (v != null) tags.put(cols.legacyTagKey(i), v);
        }
        return tags;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }

    private static String legacyName(String snake) {
        return switch (snake) {
            case "bill_payer_account_id" -> "bill/PayerAccountId";
            case "bill_billing_period_start_date" -> "bill/BillingPeriodStartDate";
            case "bill_billing_period_end_date" -> "bill/BillingPeriodEndDate";
            case "line_item_line_item_type" -> "lineItem/LineItemType";
            case "line_item_usage_start_date" -> "lineItem/UsageStartDate";
            case "line_item_usage_end_date" -> "lineItem/UsageEndDate";
            case "line_item_unblended_cost" -> "lineItem/UnblendedCost";
            case "line_item_currency_code" -> "lineItem/CurrencyCode";
            default -> snake;
        };
    }
}
