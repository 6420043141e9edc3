/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Streams the tenant's ledger of one billing period as a FOCUS 1.2 CSV. The ledger keeps what the sources
 * said; this writer applies the FOCUS 1.2 conditional-nullability rules on the way out (e.g. Tax rows carry no
 * pricing quantity, unit prices are derived when a source gave only costs). RegionName comes from the provider
 * region catalogue ({@link RegionCatalogue}) when the source gave only the id. Conformance to the FOCUS 1.2
 * requirements model is tested by FocusConformanceTest. See docs/mappings/focus-export.md.
 */
@ApplicationScoped
public class FocusExporter {

    public static final List<String> COLUMNS = List.of("AvailabilityZone", "BilledCost", "BillingAccountId", "BillingAccountName",
            "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription",
            "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory", "CommitmentDiscountId",
            "CommitmentDiscountName", "CommitmentDiscountQuantity", "CommitmentDiscountStatus", "CommitmentDiscountType",
            "CommitmentDiscountUnit", "ConsumedQuantity", "ConsumedUnit",
            "ContractedCost", "ContractedUnitPrice", "EffectiveCost", "InvoiceId", "InvoiceIssuerName", "ListCost", "ListUnitPrice",
            "PricingCategory", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "RegionId", "RegionName",
            "ResourceId", "ResourceName", "ResourceType", "ServiceCategory", "ServiceName", "SkuId", "SkuMeter", "SkuPriceDetails",
            "SkuPriceId", "SubAccountId",
            "SubAccountName", "Tags");

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Inject
    AgroalDataSource dataSource;

    public void write(YearMonth period, Writer out) {
        String sql = "SELECT availability_zone, billed_cost, billing_account_id, billing_account_name, billing_currency, "
                + "billing_period_end, billing_period_start, charge_category, charge_class, charge_description, charge_frequency, "
                + "charge_period_end, charge_period_start, commitment_discount_category, commitment_discount_id, "
                + "commitment_discount_name, commitment_discount_status, commitment_discount_type, consumed_quantity, consumed_unit, "
                + "contracted_cost, contracted_unit_price, effective_cost, invoice_id, invoice_issuer_name, list_cost, list_unit_price, "
                + "pricing_category, pricing_quantity, pricing_unit, provider_name, publisher_name, region_id, region_name, "
                + "resource_id, resource_name, resource_type, service_category, service_name, sku_id, sku_price_id, sub_account_id, "
                + "sub_account_name, tags::text FROM outlay.ledger_charge WHERE billing_period = ? ORDER BY source, ingestion_id, row_number";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // lets PgJDBC stream with a cursor instead of materialising the period
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(5000);
                ps.setObject(1, period.atDay(1));
                try (ResultSet rs = ps.executeQuery()) {
                    out.write(String.join(",", COLUMNS));
                    out.write("\r\n");
                    while (rs.next()) writeRow(rs, out);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            out.flush();
        } catch (SQLException e) {
            throw new IllegalStateException("FOCUS export failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRow(ResultSet rs, Writer out) throws SQLException, IOException {
        String category = rs.getString("charge_category");
        boolean tax = category.equals("Tax");
        boolean correction = "Correction".equals(rs.getString("charge_class"));
        boolean usageOrPurchase = category.equals("Usage") || category.equals("Purchase");
        String cdId = rs.getString("commitment_discount_id");
        String cdStatus = cdId == null ? null : rs.getString("commitment_discount_status");
        String service = rs.getString("service_name");

        BigDecimal pricingQty = tax ? null : rs.getBigDecimal("pricing_quantity");
        String pricingUnit = tax ? null : rs.getString("pricing_unit");
        if (!tax && usageOrPurchase && !correction && pricingQty == null) {
            pricingQty = BigDecimal.ONE; // a source that bills only amounts: one unit of the charge
            pricingUnit = "Units";
        }
        if (pricingQty == null) pricingUnit = null;
        else if (pricingUnit == null) pricingUnit = "Units";

        BigDecimal list = rs.getBigDecimal("list_cost");
        BigDecimal contracted = rs.getBigDecimal("contracted_cost");
        BigDecimal listUnit = tax ? null : rs.getBigDecimal("list_unit_price");
        BigDecimal contractedUnit = tax ? null : rs.getBigDecimal("contracted_unit_price");
        if (!tax && usageOrPurchase && !correction) {
            if (listUnit == null) listUnit = unitPrice(list, pricingQty);
            if (contractedUnit == null) contractedUnit = unitPrice(contracted, pricingQty);
        }
        String pricingCategory = tax ? null : rs.getString("pricing_category");
        if (!tax && usageOrPurchase && !correction && pricingCategory == null) pricingCategory = cdId != null ? "Committed" : "Standard";

        boolean usage = category.equals("Usage");
        BigDecimal consumed = usage && !"Unused".equals(cdStatus) ? rs.getBigDecimal("consumed_quantity") : null;
        String consumedUnit = consumed == null ? null : rs.getString("consumed_unit");
        if (usage && !"Unused".equals(cdStatus) && !correction && consumed == null) {
            consumed = pricingQty;
            consumedUnit = pricingUnit;
        }
        if (consumed != null && consumedUnit == null) consumedUnit = pricingUnit != null ? pricingUnit : "Units";

        String skuId = tax ? null : rs.getString("sku_id");
        String skuPriceId = tax ? null : rs.getString("sku_price_id");
        if (!tax && usageOrPurchase && !correction) {
            if (skuId == null) skuId = rs.getString("provider_name") + ":" + service;
            if (skuPriceId == null) skuPriceId = skuId;
        }
        String frequency = rs.getString("charge_frequency");
        if (frequency == null || (category.equals("Purchase") && frequency.equals("Usage-Based"))) {
            frequency = usage ? "Usage-Based" : "One-Time";
        }
        String resourceId = rs.getString("resource_id");
        String resourceType = resourceId == null ? null : orElse(rs.getString("resource_type"), service);
        String resourceName = resourceId == null ? null : rs.getString("resource_name");
        String regionId = rs.getString("region_id");
        String subAccountId = rs.getString("sub_account_id");
        String subAccountName = subAccountId == null ? null : orElse(rs.getString("sub_account_name"), subAccountId);
        String cdCategory = cdId == null ? null : rs.getString("commitment_discount_category");
        String cdType = cdId == null ? null : orElse(rs.getString("commitment_discount_type"), "Commitment");
        String cdName = cdId == null ? null : rs.getString("commitment_discount_name");
        if (cdId != null && usage && cdStatus == null) cdStatus = "Used";
        if (cdId != null && cdCategory == null) cdCategory = "Spend";
        // CommitmentDiscountQuantity-C-004/-007: set exactly on non-correction Usage and Purchase rows of a commitment.
        // A usage-based commitment counts in the pricing unit (hours); a spend-based one in the billing currency,
        // the amount of commitment the row consumed (effective cost) or bought (billed cost).
        BigDecimal cdQuantity = null;
        String cdUnit = null;
        if (cdId != null && usageOrPurchase && !correction) {
            if ("Usage".equals(cdCategory)) {
                cdQuantity = pricingQty;
                cdUnit = pricingUnit;
            } else {
                BigDecimal amount = category.equals("Purchase") ? rs.getBigDecimal("billed_cost") : rs.getBigDecimal("effective_cost");
                cdQuantity = amount == null ? null : amount.abs();
                cdUnit = rs.getString("billing_currency");
            }
            if (cdQuantity == null) cdUnit = null;
        }
        String regionName = regionId == null ? null : rs.getString("region_name");
        if (regionId != null && regionName == null) {
            // RegionName-C-005-C; a region the catalogue does not know yet is named by its id rather than left null.
            regionName = RegionCatalogue.get().name(rs.getString("provider_name"), regionId).orElse(regionId);
        }

        StringBuilder sb = new StringBuilder(512);
        cell(sb, rs.getString("availability_zone"), true);
        num(sb, rs.getBigDecimal("billed_cost"));
        cell(sb, rs.getString("billing_account_id"), false);
        cell(sb, orElse(rs.getString("billing_account_name"), rs.getString("billing_account_id")), false);
        cell(sb, rs.getString("billing_currency"), false);
        time(sb, rs.getTimestamp("billing_period_end"));
        time(sb, rs.getTimestamp("billing_period_start"));
        cell(sb, category, false);
        cell(sb, rs.getString("charge_class"), false);
        cell(sb, rs.getString("charge_description"), false);
        cell(sb, frequency, false);
        time(sb, rs.getTimestamp("charge_period_end"));
        time(sb, rs.getTimestamp("charge_period_start"));
        cell(sb, cdCategory, false);
        cell(sb, cdId, false);
        cell(sb, cdName, false);
        num(sb, cdQuantity);
        cell(sb, cdStatus, false);
        cell(sb, cdType, false);
        cell(sb, cdUnit, false);
        num(sb, consumed);
        cell(sb, consumedUnit, false);
        num(sb, contracted);
        num(sb, contractedUnit);
        num(sb, rs.getBigDecimal("effective_cost"));
        cell(sb, rs.getString("invoice_id"), false);
        cell(sb, rs.getString("invoice_issuer_name"), false);
        num(sb, list);
        num(sb, listUnit);
        cell(sb, pricingCategory, false);
        num(sb, pricingQty);
        cell(sb, pricingUnit, false);
        cell(sb, rs.getString("provider_name"), false);
        cell(sb, rs.getString("publisher_name"), false);
        cell(sb, regionId, false);
        cell(sb, regionName, false);
        cell(sb, resourceId, false);
        cell(sb, resourceName, false);
        cell(sb, resourceType, false);
        cell(sb, rs.getString("service_category"), false);
        cell(sb, service, false);
        cell(sb, skuId, false);
        cell(sb, null, false); // SkuMeter: no source keeps a meter in the ledger; null is allowed (SkuMeter-C-003-C is a SHOULD)
        cell(sb, null, false); // SkuPriceDetails: likewise, null is allowed
        cell(sb, skuPriceId, false);
        cell(sb, subAccountId, false);
        cell(sb, subAccountName, false);
        String tags = rs.getString("tags");
        cell(sb, tags == null || tags.equals("{}") ? null : tags, false);
        sb.setLength(sb.length() - 1);
        sb.append("\r\n");
        out.write(sb.toString());
    }

    private static BigDecimal unitPrice(BigDecimal cost, BigDecimal qty) {
        if (cost == null) return null;
        if (qty == null || qty.signum() == 0) return cost.abs();
        return cost.divide(qty, MathContext.DECIMAL64).abs().stripTrailingZeros();
    }

    private static String orElse(String a, String b) {
        return a != null ? a : b;
    }

    private static void cell(StringBuilder sb, String v, boolean unused) {
        if (v != null) {
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        sb.append(',');
    }

    private static void num(StringBuilder sb, BigDecimal d) {
        if (d != null) sb.append(d.toPlainString());
        sb.append(',');
    }

    private static void time(StringBuilder sb, Timestamp t) {
        if (t != null) sb.append(ISO.format(t.toInstant()));
        sb.append(',');
    }
}
