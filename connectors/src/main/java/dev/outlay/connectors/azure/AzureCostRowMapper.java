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

import dev.outlay.connectors.Row;
import dev.outlay.connectors.RowMapper;
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

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Azure actual/amortized cost export row → canonical charge. Rules (docs/mappings/azure-cost-exports.md):
 * <ul>
 * <li>actual: billed = effective = cost (commitment purchases in full, covered usage at 0);</li>
 * <li>amortized: effective = cost; billed = 0 on commitment-covered usage and unused commitment (the purchase in
 * the actual export bills them). Azure's amortized dataset has no reservation purchase rows, so the pair is
 * loaded as the amortized file plus the actual file's commitment purchases ({@link AzureExportPair}).</li>
 * </ul>
 * Currency is per billing account (EA enrollment, MCA billing profile): a second currency for one account in a
 * file is refused at its cell.
 */
final class AzureCostRowMapper implements RowMapper {

    private static final Duration DAY = Duration.ofDays(1);

    private final AzureColumns c;
    private final AzureDataset dataset;
    private final boolean amortizedAlongside;
    private final Map<String, String> currencyByAccount = new HashMap<>();

    AzureCostRowMapper(AzureColumns columns, AzureCostConfig config) {
        this.c = columns;
        this.dataset = config.dataset();
        this.amortizedAlongside = config.amortizedAlongside();
    }

    @Override
    public String schemaVersion() {
        return "azure-" + (c.mca ? "mca" : "ea") + "-" + (dataset == AzureDataset.ACTUAL ? "actual" : "amortized") + "/1";
    }

    @Override
    public void map(Row r) {
        ChargeBuilder b = r.out();
        AzureChargeType type = AzureChargeType.of(r.required(c.chargeType));
        ChargeCategory category = type == null ? ChargeCategory.ADJUSTMENT : type.category;
        if (type == null) b.flag(DataQualityFlag.UNMAPPED_CHARGE_CATEGORY);
        b.chargeCategory(category);
        if (type == AzureChargeType.REFUND) b.chargeClass(ChargeClass.CORRECTION);
        b.chargeFrequency(frequency(r, category));

        String account = r.required(c.mca ? c.billingProfileId : c.billingAccountId);
        String accountName = r.text(c.mca ? c.billingProfileName : c.billingAccountName);
        String currency = r.required(c.currency).strip().toUpperCase(Locale.ROOT);
        String seen = currencyByAccount.putIfAbsent(account, currency);
        if (seen != null && !seen.equals(currency)) {
            throw r.fault(c.currency, "billing account " + account + " is billed in " + seen
                    + "; a second currency " + currency + " in one billing account is not one invoice");
        }

        var day = AzureDates.day(r, c.date);
        b.providerName("Microsoft")
                .publisherName(firstNonNull(r.text(c.publisher), "Microsoft"))
                .invoiceIssuerName("Microsoft")
                .invoiceId(r.text(c.invoiceId))
                .billingAccountId(account)
                .billingAccountName(firstNonNull(accountName, account))
                .subAccountId(r.text(c.subscriptionId))
                .subAccountName(firstNonNull(r.text(c.subscriptionName), r.text(c.subscriptionId)))
                .billingPeriodStart(AzureDates.day(r, c.periodStart))
                // Azure's end date is the period's last day (inclusive); FOCUS ends are exclusive.
                .billingPeriodEnd(AzureDates.day(r, c.periodEnd).plus(DAY))
                .chargePeriodStart(day)
                .chargePeriodEnd(day.plus(DAY)) // exports are daily
                .chargeDescription(r.text(c.product))
                .billingCurrency(currency);

        ServiceCategory sc = serviceCategory(r.text(c.serviceFamily));
        if (sc == null) {
            sc = ServiceCategory.OTHER;
            b.flag(DataQualityFlag.UNMAPPED_SERVICE_CATEGORY);
        }
        b.serviceCategory(sc)
                .serviceName(firstNonNull(r.text(c.meterCategory), r.text(c.serviceFamily), "Azure"))
                .resourceId(r.text(c.resourceId))
                .resourceName(r.text(c.resourceName))
                .regionId(r.text(c.location))
                .skuId(r.text(c.meterId));

        String model = r.text(c.pricingModel);
        Commitment commitment = Commitment.of(model);
        BigDecimal qty = category == ChargeCategory.TAX ? null : r.decimal(c.quantity);
        String unit = qty == null ? null : firstNonNull(r.text(c.unit), "Units");
        b.pricingQuantity(qty).pricingUnit(unit);
        if (category == ChargeCategory.USAGE) b.consumedQuantity(qty).consumedUnit(unit);
        if (category != ChargeCategory.TAX) {
            b.pricingCategory(commitment != null ? PricingCategory.COMMITTED
                    : "Spot".equalsIgnoreCase(model) ? PricingCategory.DYNAMIC : PricingCategory.STANDARD);
        }

        BigDecimal cost = r.requiredDecimal(c.cost);
        BigDecimal billed = cost;
        BigDecimal effective = cost;
        if (commitment != null) {
            String id = firstNonNull(r.text(c.reservationId), r.text(c.benefitId));
            String name = firstNonNull(r.text(c.reservationName), r.text(c.benefitName), id);
            if (id != null) {
                b.commitmentDiscountId(id).commitmentDiscountName(name)
                        .commitmentDiscountCategory(commitment.category).commitmentDiscountType(commitment.type);
            }
            boolean consumption = type == AzureChargeType.USAGE || (type != null && type.unused());
            if (category == ChargeCategory.PURCHASE && dataset == AzureDataset.ACTUAL && amortizedAlongside) {
                effective = BigDecimal.ZERO; // spread over the amortized file's covered and unused rows
            }
            if (consumption) {
                b.commitmentDiscountStatus(type.unused() ? CommitmentDiscountStatus.UNUSED : CommitmentDiscountStatus.USED);
                // Amortized cost on covered/unused rows is the purchase's share: the actual export's purchase bills it.
                if (dataset == AzureDataset.AMORTIZED) billed = BigDecimal.ZERO;
            }
        } else if (type != null && type.unused()) {
            b.flag(DataQualityFlag.DEFAULTED_VALUE); // unused commitment without a PricingModel saying which
            b.commitmentDiscountStatus(CommitmentDiscountStatus.UNUSED);
            if (dataset == AzureDataset.AMORTIZED) billed = BigDecimal.ZERO;
        }
        b.billedCost(billed).effectiveCost(effective).contractedCost(contracted(r, qty, cost)).listCost(list(r, qty, cost));
        b.tags(AzureTags.parse(r.text(c.tags), b));
    }

    /** MCA carries the pay-as-you-go cost; EA only the PAYG unit price (× quantity); otherwise the cost itself. */
    private BigDecimal list(Row r, BigDecimal qty, BigDecimal cost) {
        BigDecimal payg = r.decimal(c.paygCost);
        if (payg != null) return payg;
        BigDecimal price = r.decimal(c.paygPrice);
        return price != null && qty != null ? price.multiply(qty) : cost;
    }

    private BigDecimal contracted(Row r, BigDecimal qty, BigDecimal cost) {
        BigDecimal price = r.decimal(c.unitPrice);
        return price != null && qty != null ? price.multiply(qty) : cost;
    }

    private ChargeFrequency frequency(Row r, ChargeCategory category) {
        String f = r.text(c.frequency);
        if (f != null) {
            switch (f.strip().toLowerCase(Locale.ROOT)) {
                case "usagebased": return ChargeFrequency.USAGE_BASED;
                case "recurring": return ChargeFrequency.RECURRING;
                case "onetime": return ChargeFrequency.ONE_TIME;
                default: break;
            }
        }
        return category == ChargeCategory.USAGE ? ChargeFrequency.USAGE_BASED : ChargeFrequency.ONE_TIME;
    }

    /** ServiceFamily is mostly a FOCUS category already; the exceptions Azure uses are mapped here. */
    static ServiceCategory serviceCategory(String family) {
        if (family == null) return null;
        String f = family.strip();
        if (f.equalsIgnoreCase("AI + Machine Learning")) return ServiceCategory.AI_AND_MACHINE_LEARNING;
        if (f.equalsIgnoreCase("Mixed Reality")) return ServiceCategory.OTHER;
        if (f.equalsIgnoreCase("Containers")) return ServiceCategory.COMPUTE;
        return FocusValue.parseIgnoringCase(ServiceCategory.class, f);
    }

    private enum Commitment {
        RESERVATION(CommitmentDiscountCategory.USAGE, "Reservation"),
        SAVINGS_PLAN(CommitmentDiscountCategory.SPEND, "Savings Plan");

        final CommitmentDiscountCategory category;
        final String type;

        Commitment(CommitmentDiscountCategory category, String type) {
            this.category = category;
            this.type = type;
        }

        static Commitment of(String pricingModel) {
            if (pricingModel == null) return null;
            return switch (pricingModel.strip().toLowerCase(Locale.ROOT)) {
                case "reservation" -> RESERVATION;
                case "savingsplan", "savings plan" -> SAVINGS_PLAN;
                default -> null;
            };
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
