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
package dev.outlay.connectors.gcp;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.model.Charge;
import dev.outlay.model.ChargeBuilder;
import dev.outlay.model.ChargeCategory;
import dev.outlay.model.DataQualityFlag;
import dev.outlay.model.ServiceCategory;
import dev.outlay.model.ChargeClass;
import dev.outlay.model.ChargeFrequency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps rows of the standard ({@code gcp_billing_export_v1_*}) and detailed ({@code gcp_billing_export_resource_v1_*})
 * usage cost export tables, read with {@code SELECT *}, to canonical charges. Bound to the result schema once:
 * nested RECORD values are read by sub-field index because the client's record values carry no schema
 * (name lookup on them throws). Unknown columns are ignored; a missing required one fails the bind.
 * See docs/mappings/gcp-billing-export.md.
 */
public final class GcpBillingRowMapper {

    public static final String SCHEMA_VERSION = "gcp-billing-export-v1/2";
    static final String PROVIDER = "Google Cloud";

    private final String source;
    private final FieldList schema;
    private final Path costAtList;
    private final Path cost, currency, costType, invoiceMonth, usageStart, usageEnd, exportTime;
    private final Path billingAccount, serviceDescription, skuId, skuDescription, projectId, projectName, projectLabels;
    private final Path labels, systemLabels, region, zone, location, usageAmount, usageUnit, pricingAmount, pricingUnit;
    private final Path credits, adjustmentId, adjustmentDescription, resourceName, resourceGlobalName;
    private final int creditId, creditName, creditFullName, creditType, creditAmount;

    /** @param source the table reference, used in error messages as the "file" */
    public GcpBillingRowMapper(FieldList schema, String source) {
        this.source = source;
        this.schema = schema;
        cost = required("cost");
        currency = required("currency");
        costType = required("cost_type");
        invoiceMonth = required("invoice", "month");
        usageStart = required("usage_start_time");
        usageEnd = required("usage_end_time");
        exportTime = required("export_time");
        serviceDescription = required("service", "description");
        skuId = required("sku", "id");
        credits = required("credits");
        FieldList creditFields = credits.field.getSubFields();
        creditAmount = subIndex(creditFields, "credits", "amount", true);
        creditId = subIndex(creditFields, "credits", "id", false);
        creditName = subIndex(creditFields, "credits", "name", false);
        creditFullName = subIndex(creditFields, "credits", "full_name", false);
        creditType = subIndex(creditFields, "credits", "type", false);
        billingAccount = optional("billing_account_id");
        costAtList = optional("cost_at_list");
        skuDescription = optional("sku", "description");
        projectId = optional("project", "id");
        projectName = optional("project", "name");
        projectLabels = optional("project", "labels");
        labels = optional("labels");
        systemLabels = optional("system_labels");
        location = optional("location", "location");
        region = optional("location", "region");
        zone = optional("location", "zone");
        usageAmount = optional("usage", "amount");
        usageUnit = optional("usage", "unit");
        pricingAmount = optional("usage", "amount_in_pricing_units");
        pricingUnit = optional("usage", "pricing_unit");
        adjustmentId = optional("adjustment_info", "id");
        adjustmentDescription = optional("adjustment_info", "description");
        resourceName = optional("resource", "name");
        resourceGlobalName = optional("resource", "global_name");
    }

    public String schemaVersion() {
        return SCHEMA_VERSION;
    }

    /** Maps one result row; {@code rowNumber} is 1-based over the whole read, for error messages. */
    public GcpBillingRow map(FieldValueList row, long rowNumber) {
        ChargeBuilder b = Charge.builder();
        b.providerName(PROVIDER).publisherName(PROVIDER).invoiceIssuerName(PROVIDER);

        String month = requiredText(row, invoiceMonth, rowNumber);
        LocalDate first = month(month, rowNumber);
        b.billingPeriodStart(first.atStartOfDay(ZoneOffset.UTC).toInstant());
        b.billingPeriodEnd(first.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        b.chargePeriodStart(requiredInstant(row, usageStart, rowNumber));
        b.chargePeriodEnd(requiredInstant(row, usageEnd, rowNumber));
        Instant exported = requiredInstant(row, exportTime, rowNumber);

        String typeText = requiredText(row, costType, rowNumber);
        CostType type = CostType.parse(typeText);
        if (type == null) {
            // A cost type Google adds later is loaded as an adjustment and flagged, as other kinds do, never dropped.
            b.flag(DataQualityFlag.UNMAPPED_CHARGE_CATEGORY);
            b.chargeCategory(ChargeCategory.ADJUSTMENT);
        } else {
            b.chargeCategory(type.category);
        }
        // Adjustments in the export correct charges already invoiced (adjustment_info names the original).
        if (type == CostType.ADJUSTMENT) b.chargeClass(ChargeClass.CORRECTION);
        b.chargeFrequency(type == CostType.REGULAR || type == null ? ChargeFrequency.USAGE_BASED : ChargeFrequency.ONE_TIME);

        String ccy = requiredText(row, currency, rowNumber);
        if (!ccy.matches("[A-Z]{3}")) throw fault(currency, rowNumber, "not an ISO 4217 code: '" + ccy + "'");
        b.billingCurrency(ccy);
        BigDecimal billed = requiredDecimal(row, cost, rowNumber);
        List<GcpCredit> creditList = credits(row, rowNumber);
        BigDecimal net = billed;
        for (GcpCredit c : creditList) net = net.add(c.amount());
        b.billedCost(billed).effectiveCost(net);
        // cost_at_list is in newer export tables only; without it the list price is unknown and cost (before
        // credits, i.e. at the account's negotiated price) stands in, as it does for ContractedCost.
        BigDecimal atList = costAtList == null ? null : decimal(row, costAtList, rowNumber);
        b.listCost(atList != null ? atList : billed).contractedCost(billed);

        b.billingAccountId(text(row, billingAccount));
        b.subAccountId(text(row, projectId)).subAccountName(text(row, projectName));
        String service = requiredText(row, serviceDescription, rowNumber);
        b.serviceName(service);
        ServiceCategory category = GcpServiceCategories.of(service);
        if (category == null) {
            b.flag(DataQualityFlag.UNMAPPED_SERVICE_CATEGORY);
            category = ServiceCategory.OTHER;
        }
        b.serviceCategory(category);
        b.skuId(requiredText(row, skuId, rowNumber));
        String description = type == CostType.ADJUSTMENT && text(row, adjustmentDescription) != null
                ? text(row, adjustmentDescription) : text(row, skuDescription);
        b.chargeDescription(description);
        // "region" is null for global and multi-region SKUs; location.location then holds e.g. "us" or "global".
        String regionId = text(row, region);
        b.regionId(regionId != null ? regionId : text(row, location));
        b.availabilityZone(text(row, zone));
        b.resourceId(text(row, resourceGlobalName)).resourceName(text(row, resourceName));
        b.consumedQuantity(decimal(row, usageAmount, rowNumber)).consumedUnit(text(row, usageUnit));
        b.pricingQuantity(decimal(row, pricingAmount, rowNumber)).pricingUnit(text(row, pricingUnit));
        b.tags(tags(row, rowNumber));
        return new GcpBillingRow(b.build(), creditList, month, exported);
    }

    private List<GcpCredit> credits(FieldValueList row, long rowNumber) {
        FieldValue v = value(row, credits);
        if (v == null || v.isNull()) return List.of();
        List<GcpCredit> out = new ArrayList<>();
        for (FieldValue element : v.getRepeatedValue()) {
            FieldValueList r = element.getRecordValue();
            String amountText = sub(r, creditAmount);
            if (amountText == null) throw fault(credits, rowNumber, "credits.amount is required");
            BigDecimal amount;
            try {
                amount = new BigDecimal(amountText);
            } catch (NumberFormatException e) {
                throw fault(credits, rowNumber, "credits.amount: not a number: '" + amountText + "'");
            }
            out.add(new GcpCredit(sub(r, creditId), sub(r, creditName), sub(r, creditFullName), sub(r, creditType), amount));
        }
        return out;
    }

    /** Resource labels as they are; project labels under "project/", system labels under their own (namespaced) keys. */
    private Map<String, String> tags(FieldValueList row, long rowNumber) {
        Map<String, String> tags = new LinkedHashMap<>();
        putLabels(tags, row, systemLabels, "", rowNumber);
        putLabels(tags, row, projectLabels, "project/", rowNumber);
        putLabels(tags, row, labels, "", rowNumber);
        return tags;
    }

    private void putLabels(Map<String, String> tags, FieldValueList row, Path path, String prefix, long rowNumber) {
        FieldValue v = value(row, path);
        if (v == null || v.isNull()) return;
        FieldList kv = path.field.getSubFields();
        int key = kv == null ? -1 : indexOf(kv, "key");
        int value = kv == null ? -1 : indexOf(kv, "value");
        if (key < 0 || value < 0) throw fault(path, rowNumber, "labels need key and value sub-fields");
        for (FieldValue element : v.getRepeatedValue()) {
            FieldValueList r = element.getRecordValue();
            String k = sub(r, key);
            if (k == null) continue;
            String val = sub(r, value);
            tags.put(prefix + k, val == null ? "" : val);
        }
    }

    // --- schema binding -------------------------------------------------------------------------------------

    /** A column by top-level index and, for RECORD columns, one sub-field index (the export nests one level). */
    private record Path(String name, int top, int sub, Field field) {
    }

    private Path required(String... names) {
        Path p = resolve(names);
        if (p == null) {
            throw new SourceFormatException(source, 0, 0, String.join(".", names),
                    "the export has no column " + String.join(".", names) + " (required by " + SCHEMA_VERSION + ")");
        }
        return p;
    }

    private Path optional(String... names) {
        return resolve(names);
    }

    private Path resolve(String... names) {
        int top = indexOf(schema, names[0]);
        if (top < 0) return null;
        Field field = schema.get(top);
        if (names.length == 1) return new Path(names[0], top, -1, field);
        FieldList subs = field.getSubFields();
        int sub = subs == null ? -1 : indexOf(subs, names[1]);
        if (sub < 0) return null;
        return new Path(names[0] + "." + names[1], top, sub, subs.get(sub));
    }

    private int subIndex(FieldList fields, String parent, String name, boolean mandatory) {
        int i = fields == null ? -1 : indexOf(fields, name);
        if (i < 0 && mandatory) {
            throw new SourceFormatException(source, 0, 0, parent + "." + name,
                    "the export has no column " + parent + "." + name + " (required by " + SCHEMA_VERSION + ")");
        }
        return i;
    }

    private static int indexOf(FieldList fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).getName().equalsIgnoreCase(name)) return i;
        }
        return -1;
    }

    // --- cell access ----------------------------------------------------------------------------------------

    private static FieldValue value(FieldValueList row, Path p) {
        if (p == null) return null;
        FieldValue top = row.get(p.top);
        if (p.sub < 0) return top;
        if (top.isNull()) return null;
        return top.getRecordValue().get(p.sub);
    }

    private static String text(FieldValueList row, Path p) {
        FieldValue v = value(row, p);
        if (v == null || v.isNull()) return null;
        String s = v.getStringValue();
        return s.isEmpty() ? null : s;
    }

    private static String sub(FieldValueList record, int index) {
        if (index < 0) return null;
        FieldValue v = record.get(index);
        return v.isNull() ? null : v.getStringValue();
    }

    private String requiredText(FieldValueList row, Path p, long rowNumber) {
        String s = text(row, p);
        if (s == null || s.isBlank()) throw fault(p, rowNumber, "value is required");
        return s;
    }

    private BigDecimal decimal(FieldValueList row, Path p, long rowNumber) {
        String s = text(row, p);
        if (s == null) return null;
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw fault(p, rowNumber, "not a number: '" + s + "'");
        }
    }

    private BigDecimal requiredDecimal(FieldValueList row, Path p, long rowNumber) {
        BigDecimal d = decimal(row, p, rowNumber);
        if (d == null) throw fault(p, rowNumber, "number is required");
        return d;
    }

    private Instant requiredInstant(FieldValueList row, Path p, long rowNumber) {
        String s = requiredText(row, p, rowNumber);
        Instant i = BigQueryTimestamps.parse(s);
        if (i == null) throw fault(p, rowNumber, "not a timestamp: '" + s + "'");
        return i;
    }

    private LocalDate month(String month, long rowNumber) {
        if (month.length() == 6 && month.chars().allMatch(Character::isDigit)) {
            int m = Integer.parseInt(month.substring(4));
            if (m >= 1 && m <= 12) return LocalDate.of(Integer.parseInt(month.substring(0, 4)), m, 1);
        }
        throw fault(invoiceMonth, rowNumber, "invoice.month is not YYYYMM: '" + month + "'");
    }

    private SourceFormatException fault(Path p, long rowNumber, String message) {
        return new SourceFormatException(source, rowNumber, p.top + 1, p.name, p.name + ": " + message);
    }
}
