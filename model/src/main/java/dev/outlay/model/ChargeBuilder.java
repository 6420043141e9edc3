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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Mutable builder for {@link Charge}; connectors fill it column by column, then {@link #build()}. */
public final class ChargeBuilder {

    private String providerName;
    private String publisherName;
    private String invoiceIssuerName;
    private String invoiceId;
    private String billingAccountId;
    private String billingAccountName;
    private String subAccountId;
    private String subAccountName;
    private Instant billingPeriodStart;
    private Instant billingPeriodEnd;
    private Instant chargePeriodStart;
    private Instant chargePeriodEnd;
    private ChargeCategory chargeCategory;
    private ChargeClass chargeClass;
    private ChargeFrequency chargeFrequency;
    private String chargeDescription;
    private ServiceCategory serviceCategory;
    private String serviceName;
    private String resourceId;
    private String resourceName;
    private String resourceType;
    private String regionId;
    private String regionName;
    private String availabilityZone;
    private String skuId;
    private String skuPriceId;
    private PricingCategory pricingCategory;
    private BigDecimal pricingQuantity;
    private String pricingUnit;
    private BigDecimal consumedQuantity;
    private String consumedUnit;
    private BigDecimal listUnitPrice;
    private BigDecimal contractedUnitPrice;
    private BigDecimal listCost;
    private BigDecimal contractedCost;
    private BigDecimal effectiveCost;
    private BigDecimal billedCost;
    private String billingCurrency;
    private String commitmentDiscountId;
    private String commitmentDiscountName;
    private CommitmentDiscountCategory commitmentDiscountCategory;
    private String commitmentDiscountType;
    private CommitmentDiscountStatus commitmentDiscountStatus;
    private Map<String, String> tags = new LinkedHashMap<>();
    private Provenance provenance;
    private final Set<DataQualityFlag> flags = EnumSet.noneOf(DataQualityFlag.class);
    private String xUsageType;
    private String xOperation;

    public ChargeBuilder providerName(String value) {
        this.providerName = value;
        return this;
    }

    public String providerName() {
        return providerName;
    }

    public ChargeBuilder publisherName(String value) {
        this.publisherName = value;
        return this;
    }

    public String publisherName() {
        return publisherName;
    }

    public ChargeBuilder invoiceIssuerName(String value) {
        this.invoiceIssuerName = value;
        return this;
    }

    public String invoiceIssuerName() {
        return invoiceIssuerName;
    }

    public ChargeBuilder invoiceId(String value) {
        this.invoiceId = value;
        return this;
    }

    public String invoiceId() {
        return invoiceId;
    }

    public ChargeBuilder billingAccountId(String value) {
        this.billingAccountId = value;
        return this;
    }

    public String billingAccountId() {
        return billingAccountId;
    }

    public ChargeBuilder billingAccountName(String value) {
        this.billingAccountName = value;
        return this;
    }

    public String billingAccountName() {
        return billingAccountName;
    }

    public ChargeBuilder subAccountId(String value) {
        this.subAccountId = value;
        return this;
    }

    public String subAccountId() {
        return subAccountId;
    }

    public ChargeBuilder subAccountName(String value) {
        this.subAccountName = value;
        return this;
    }

    public String subAccountName() {
        return subAccountName;
    }

    public ChargeBuilder billingPeriodStart(Instant value) {
        this.billingPeriodStart = value;
        return this;
    }

    public Instant billingPeriodStart() {
        return billingPeriodStart;
    }

    public ChargeBuilder billingPeriodEnd(Instant value) {
        this.billingPeriodEnd = value;
        return this;
    }

    public Instant billingPeriodEnd() {
        return billingPeriodEnd;
    }

    public ChargeBuilder chargePeriodStart(Instant value) {
        this.chargePeriodStart = value;
        return this;
    }

    public Instant chargePeriodStart() {
        return chargePeriodStart;
    }

    public ChargeBuilder chargePeriodEnd(Instant value) {
        this.chargePeriodEnd = value;
        return this;
    }

    public Instant chargePeriodEnd() {
        return chargePeriodEnd;
    }

    public ChargeBuilder chargeCategory(ChargeCategory value) {
        this.chargeCategory = value;
        return this;
    }

    public ChargeCategory chargeCategory() {
        return chargeCategory;
    }

    public ChargeBuilder chargeClass(ChargeClass value) {
        this.chargeClass = value;
        return this;
    }

    public ChargeClass chargeClass() {
        return chargeClass;
    }

    public ChargeBuilder chargeFrequency(ChargeFrequency value) {
        this.chargeFrequency = value;
        return this;
    }

    public ChargeFrequency chargeFrequency() {
        return chargeFrequency;
    }

    public ChargeBuilder chargeDescription(String value) {
        this.chargeDescription = value;
        return this;
    }

    public String chargeDescription() {
        return chargeDescription;
    }

    public ChargeBuilder serviceCategory(ServiceCategory value) {
        this.serviceCategory = value;
        return this;
    }

    public ServiceCategory serviceCategory() {
        return serviceCategory;
    }

    public ChargeBuilder serviceName(String value) {
        this.serviceName = value;
        return this;
    }

    public String serviceName() {
        return serviceName;
    }

    public ChargeBuilder resourceId(String value) {
        this.resourceId = value;
        return this;
    }

    public String resourceId() {
        return resourceId;
    }

    public ChargeBuilder resourceName(String value) {
        this.resourceName = value;
        return this;
    }

    public String resourceName() {
        return resourceName;
    }

    public ChargeBuilder resourceType(String value) {
        this.resourceType = value;
        return this;
    }

    public String resourceType() {
        return resourceType;
    }

    public ChargeBuilder regionId(String value) {
        this.regionId = value;
        return this;
    }

    public String regionId() {
        return regionId;
    }

    public ChargeBuilder regionName(String value) {
        this.regionName = value;
        return this;
    }

    public String regionName() {
        return regionName;
    }

    public ChargeBuilder availabilityZone(String value) {
        this.availabilityZone = value;
        return this;
    }

    public String availabilityZone() {
        return availabilityZone;
    }

    public ChargeBuilder skuId(String value) {
        this.skuId = value;
        return this;
    }

    public String skuId() {
        return skuId;
    }

    public ChargeBuilder skuPriceId(String value) {
        this.skuPriceId = value;
        return this;
    }

    public String skuPriceId() {
        return skuPriceId;
    }

    public ChargeBuilder pricingCategory(PricingCategory value) {
        this.pricingCategory = value;
        return this;
    }

    public PricingCategory pricingCategory() {
        return pricingCategory;
    }

    public ChargeBuilder pricingQuantity(BigDecimal value) {
        this.pricingQuantity = value;
        return this;
    }

    public BigDecimal pricingQuantity() {
        return pricingQuantity;
    }

    public ChargeBuilder pricingUnit(String value) {
        this.pricingUnit = value;
        return this;
    }

    public String pricingUnit() {
        return pricingUnit;
    }

    public ChargeBuilder consumedQuantity(BigDecimal value) {
        this.consumedQuantity = value;
        return this;
    }

    public BigDecimal consumedQuantity() {
        return consumedQuantity;
    }

    public ChargeBuilder consumedUnit(String value) {
        this.consumedUnit = value;
        return this;
    }

    public String consumedUnit() {
        return consumedUnit;
    }

    public ChargeBuilder listUnitPrice(BigDecimal value) {
        this.listUnitPrice = value;
        return this;
    }

    public BigDecimal listUnitPrice() {
        return listUnitPrice;
    }

    public ChargeBuilder contractedUnitPrice(BigDecimal value) {
        this.contractedUnitPrice = value;
        return this;
    }

    public BigDecimal contractedUnitPrice() {
        return contractedUnitPrice;
    }

    public ChargeBuilder listCost(BigDecimal value) {
        this.listCost = value;
        return this;
    }

    public BigDecimal listCost() {
        return listCost;
    }

    public ChargeBuilder contractedCost(BigDecimal value) {
        this.contractedCost = value;
        return this;
    }

    public BigDecimal contractedCost() {
        return contractedCost;
    }

    public ChargeBuilder effectiveCost(BigDecimal value) {
        this.effectiveCost = value;
        return this;
    }

    public BigDecimal effectiveCost() {
        return effectiveCost;
    }

    public ChargeBuilder billedCost(BigDecimal value) {
        this.billedCost = value;
        return this;
    }

    public BigDecimal billedCost() {
        return billedCost;
    }

    public ChargeBuilder billingCurrency(String value) {
        this.billingCurrency = value;
        return this;
    }

    public String billingCurrency() {
        return billingCurrency;
    }

    public ChargeBuilder commitmentDiscountId(String value) {
        this.commitmentDiscountId = value;
        return this;
    }

    public String commitmentDiscountId() {
        return commitmentDiscountId;
    }

    public ChargeBuilder commitmentDiscountName(String value) {
        this.commitmentDiscountName = value;
        return this;
    }

    public String commitmentDiscountName() {
        return commitmentDiscountName;
    }

    public ChargeBuilder commitmentDiscountCategory(CommitmentDiscountCategory value) {
        this.commitmentDiscountCategory = value;
        return this;
    }

    public CommitmentDiscountCategory commitmentDiscountCategory() {
        return commitmentDiscountCategory;
    }

    public ChargeBuilder commitmentDiscountType(String value) {
        this.commitmentDiscountType = value;
        return this;
    }

    public String commitmentDiscountType() {
        return commitmentDiscountType;
    }

    public ChargeBuilder commitmentDiscountStatus(CommitmentDiscountStatus value) {
        this.commitmentDiscountStatus = value;
        return this;
    }

    public CommitmentDiscountStatus commitmentDiscountStatus() {
        return commitmentDiscountStatus;
    }

    public ChargeBuilder tags(Map<String, String> value) {
        this.tags = value;
        return this;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public ChargeBuilder provenance(Provenance value) {
        this.provenance = value;
        return this;
    }

    public Provenance provenance() {
        return provenance;
    }

    public ChargeBuilder flag(DataQualityFlag flag) {
        flags.add(flag);
        return this;
    }

    public Set<DataQualityFlag> flags() {
        return flags;
    }

    public ChargeBuilder xUsageType(String value) {
        this.xUsageType = value;
        return this;
    }

    public String xUsageType() {
        return xUsageType;
    }

    public ChargeBuilder xOperation(String value) {
        this.xOperation = value;
        return this;
    }

    public String xOperation() {
        return xOperation;
    }

    public Charge build() {
        return new Charge(providerName, publisherName, invoiceIssuerName, invoiceId, billingAccountId, billingAccountName, subAccountId, subAccountName, billingPeriodStart, billingPeriodEnd, chargePeriodStart, chargePeriodEnd, chargeCategory, chargeClass, chargeFrequency, chargeDescription, serviceCategory, serviceName, resourceId, resourceName, resourceType, regionId, regionName, availabilityZone, skuId, skuPriceId, pricingCategory, pricingQuantity, pricingUnit, consumedQuantity, consumedUnit, listUnitPrice, contractedUnitPrice, listCost, contractedCost, effectiveCost, billedCost, billingCurrency, commitmentDiscountId, commitmentDiscountName, commitmentDiscountCategory, commitmentDiscountType, commitmentDiscountStatus, tags, provenance, flags, xUsageType, xOperation);
    }
}
