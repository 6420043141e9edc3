/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import dev.outlay.model.Charge;
import dev.outlay.model.DataQualityFlag;
import dev.outlay.model.FocusValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Encodes canonical charges as PostgreSQL binary COPY tuples, in the column order of
 * {@code outlay.ledger_charge} ({@link #COLUMNS}).
 */
final class CopyEncoder {

    static final String COLUMNS = "tenant_id, billing_period, source, ingestion_id, row_number, object_key, checksum, "
            + "schema_version, provider_name, publisher_name, invoice_issuer_name, invoice_id, billing_account_id, "
            + "billing_account_name, sub_account_id, sub_account_name, billing_period_start, billing_period_end, "
            + "charge_period_start, charge_period_end, charge_category, charge_class, charge_frequency, "
            + "charge_description, service_category, service_name, resource_id, resource_name, resource_type, region_id, "
            + "region_name, availability_zone, sku_id, sku_price_id, pricing_category, pricing_quantity, pricing_unit, "
            + "consumed_quantity, consumed_unit, list_unit_price, contracted_unit_price, list_cost, contracted_cost, "
            + "effective_cost, billed_cost, billing_currency, commitment_discount_id, commitment_discount_name, "
            + "commitment_discount_category, commitment_discount_type, commitment_discount_status, tags, flags, "
            + "x_usage_type, x_operation";

    static final int FIELDS = COLUMNS.split(",").length;

    private final byte[] tenant;
    private final byte[] source;
    private final UUID ingestionId;
    private final byte[] objectKey;
    private final byte[] checksum;
    private final byte[] schemaVersion;

    /** The per-file constant columns (tenant, source, ingestion, key, checksum, schema version) are encoded once. */
    CopyEncoder(String tenantId, String source, UUID ingestionId, String objectKey, String checksum, String schemaVersion) {
        this.tenant = utf8(tenantId);
        this.source = utf8(source);
        this.ingestionId = ingestionId;
        this.objectKey = utf8(objectKey);
        this.checksum = utf8(checksum);
        this.schemaVersion = utf8(schemaVersion);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Appends one binary COPY tuple in {@link #COLUMNS} order. */
    void row(Charge c, long rowNumber, BinaryCopy out) {
        out.tuple(FIELDS);
        out.bytes(tenant);
        out.date(c.billingPeriod());
        out.bytes(source);
        out.uuid(ingestionId);
        out.int8(rowNumber);
        out.bytes(objectKey);
        out.bytes(checksum);
        out.bytes(schemaVersion);
        out.text(c.providerName());
        out.text(c.publisherName());
        out.text(c.invoiceIssuerName());
        out.text(c.invoiceId());
        out.text(c.billingAccountId());
        out.text(c.billingAccountName());
        out.text(c.subAccountId());
        out.text(c.subAccountName());
        out.timestamptz(c.billingPeriodStart());
        out.timestamptz(c.billingPeriodEnd());
        out.timestamptz(c.chargePeriodStart());
        out.timestamptz(c.chargePeriodEnd());
        v(out, c.chargeCategory());
        v(out, c.chargeClass());
        v(out, c.chargeFrequency());
        out.text(c.chargeDescription());
        v(out, c.serviceCategory());
        out.text(c.serviceName());
        out.text(c.resourceId());
        out.text(c.resourceName());
        out.text(c.resourceType());
        out.text(c.regionId());
        out.text(c.regionName());
        out.text(c.availabilityZone());
        out.text(c.skuId());
        out.text(c.skuPriceId());
        v(out, c.pricingCategory());
        out.numeric(c.pricingQuantity());
        out.text(c.pricingUnit());
        out.numeric(c.consumedQuantity());
        out.text(c.consumedUnit());
        out.numeric(c.listUnitPrice());
        out.numeric(c.contractedUnitPrice());
        out.numeric(c.listCost());
        out.numeric(c.contractedCost());
        out.numeric(c.effectiveCost());
        out.numeric(c.billedCost());
        out.text(c.billingCurrency());
        out.text(c.commitmentDiscountId());
        out.text(c.commitmentDiscountName());
        v(out, c.commitmentDiscountCategory());
        out.text(c.commitmentDiscountType());
        v(out, c.commitmentDiscountStatus());
        out.jsonb(json(c.tags()));
        List<String> flags = new ArrayList<>(c.flags().size());
        for (DataQualityFlag f : c.flags()) flags.add(f.name());
        out.textArray(flags);
        out.text(c.xUsageType());
        out.text(c.xOperation());
    }

    private static void v(BinaryCopy out, FocusValue v) {
        out.text(v == null ? null : v.focusValue());
    }

    static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Tags as a JSON object (keys and values are strings; escaped per RFC 8259). */
    static String json(Map<String, String> tags) {
        if (tags.isEmpty()) return "{}";
        StringBuilder j = new StringBuilder(64);
        j.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (!first) j.append(',');
            str(j, e.getKey());
            j.append(':');
            str(j, e.getValue());
            first = false;
        }
        return j.append('}').toString();
    }

    private static void str(StringBuilder j, String s) {
        j.append('"');
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            switch (ch) {
                case '"' -> j.append("\\\"");
                case '\\' -> j.append("\\\\");
                case '\n' -> j.append("\\n");
                case '\r' -> j.append("\\r");
                case '\t' -> j.append("\\t");
                default -> {
                    if (ch < 0x20) j.append(String.format("\\u%04x", (int) ch));
                    else j.append(ch);
                }
            }
        }
        j.append('"');
    }
}
