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
package dev.outlay.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One canonical charge, aligned with the FOCUS 1.2 Cost and Usage dataset: every mandatory column plus the
 * conditional ones our sources provide. Money is BigDecimal in the billing currency; null means the source
 * has no value (FOCUS null). Provenance and data-quality flags travel with the row.
 */
public record Charge(
        // who bills and who is billed
        String providerName,
        String publisherName,
        String invoiceIssuerName,
        String invoiceId,
        String billingAccountId,
        String billingAccountName,
        String subAccountId,
        String subAccountName,
        // periods: [start, end) in UTC
        Instant billingPeriodStart,
        Instant billingPeriodEnd,
        Instant chargePeriodStart,
        Instant chargePeriodEnd,
        // what
        ChargeCategory chargeCategory,
        ChargeClass chargeClass,
        ChargeFrequency chargeFrequency,
        String chargeDescription,
        ServiceCategory serviceCategory,
        String serviceName,
        String resourceId,
        String resourceName,
        String resourceType,
        String regionId,
        String regionName,
        String availabilityZone,
        String skuId,
        String skuPriceId,
        // quantities and prices
        PricingCategory pricingCategory,
        BigDecimal pricingQuantity,
        String pricingUnit,
        BigDecimal consumedQuantity,
        String consumedUnit,
        BigDecimal listUnitPrice,
        BigDecimal contractedUnitPrice,
        // costs
        BigDecimal listCost,
        BigDecimal contractedCost,
        BigDecimal effectiveCost,
        BigDecimal billedCost,
        String billingCurrency,
        // commitments
        String commitmentDiscountId,
        String commitmentDiscountName,
        CommitmentDiscountCategory commitmentDiscountCategory,
        String commitmentDiscountType,
        CommitmentDiscountStatus commitmentDiscountStatus,
        // tags (user and provider tags, keys as the source spells them)
        Map<String, String> tags,
        Provenance provenance,
        Set<DataQualityFlag> flags,
        // AWS detail FOCUS keeps only as extensions (x_UsageType, x_Operation; CUR line_item_usage_type /
        // line_item_operation): idle public IPv4, NAT bytes, Multi-AZ and inter-zone transfer are told apart here.
        String xUsageType,
        String xOperation) {

    public Charge {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** The billing period the ledger partitions by: the UTC calendar month of BillingPeriodStart. */
    public LocalDate billingPeriod() {
        // Epoch arithmetic: atZone(UTC) builds a ZoneRules per call, a measurable cost at millions of rows.
        return LocalDate.ofEpochDay(Math.floorDiv(billingPeriodStart.getEpochSecond(), 86_400L)).withDayOfMonth(1);
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }

    public static ChargeBuilder builder() {
        return new ChargeBuilder();
    }
}
