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
package dev.outlay.connectors.invoice;

import dev.outlay.connectors.Row;
import dev.outlay.connectors.RowMapper;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.Tags;
import dev.outlay.connectors.csv.CsvHeader;
import dev.outlay.model.ChargeBuilder;
import dev.outlay.model.ChargeCategory;
import dev.outlay.model.ChargeFrequency;
import dev.outlay.model.DataQualityFlag;
import dev.outlay.model.ServiceCategory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Generic invoice CSV → canonical charge, driven by an {@link InvoiceMapping}. */
final class InvoiceRowMapper implements RowMapper {

    private final InvoiceMapping m;
    private final Map<String, Integer> idx = new LinkedHashMap<>();
    private final Map<String, Integer> tagIdx = new LinkedHashMap<>();
    private final ServiceCategory serviceCategory;
    private final DateTimeFormatter dates;
    private final int tagsColumn;

    InvoiceRowMapper(InvoiceMapping m, CsvHeader h, String file) {
        this.m = m;
        for (Map.Entry<String, String> e : m.columns().entrySet()) {
            int i = h.indexOf(e.getValue());
            boolean required = e.getKey().equals("chargePeriodStart") || e.getKey().equals("billedCost")
                    || m.costFromRate() && (e.getKey().equals("quantity") || e.getKey().equals("unitPrice"));
            if (i < 0 && required) {
                throw new SourceFormatException(file, 1, 0, e.getValue(), "missing mandatory column " + e.getValue()
                        + " (mapped to " + e.getKey() + ")");
            }
            idx.put(e.getKey(), i);
        }
        for (Map.Entry<String, String> e : m.tags().entrySet()) tagIdx.put(e.getKey(), h.indexOf(e.getValue()));
        if (m.tagPrefix() != null && !m.tagPrefix().isEmpty()) {
            for (int i = 0; i < h.size(); i++) {
                String name = h.name(i);
                if (name.startsWith(m.tagPrefix())) tagIdx.putIfAbsent(name.substring(m.tagPrefix().length()), i);
            }
        }
        serviceCategory = ServiceCategory.parse(m.serviceCategory());
        dates = m.dateFormat() == null ? null : InvoiceDates.formatter(m.dateFormat());
        tagsColumn = m.tagsColumn() == null ? -1 : h.indexOf(m.tagsColumn());
        if (m.tagsColumn() != null && tagsColumn < 0) {
            throw new SourceFormatException(file, 1, 0, m.tagsColumn(), "missing column " + m.tagsColumn() + " (the mapping's tagsColumn)");
        }
    }

    private Instant instant(Row r, String target) {
        int i = col(target);
        if (dates == null) return r.instant(i);
        String v = r.text(i);
        if (v == null) return null;
        Instant at = InvoiceDates.parse(v, dates);
        if (at == null) throw r.fault(i, "not a date in the mapping's dateFormat " + m.dateFormat() + ": '" + Row.abbreviate(v) + "'");
        return at;
    }

    private BigDecimal amount(Row r, String target) {
        int i = col(target);
        if (m.decimalSeparator() == null) return r.decimal(i);
        String v = r.text(i);
        if (v == null) return null;
        BigDecimal d = InvoiceNumbers.parse(v, m.decimalSeparator().charAt(0));
        if (d == null) {
            throw r.fault(i, "not a number with decimal separator '" + m.decimalSeparator() + "': '" + Row.abbreviate(v) + "'");
        }
        return d;
    }

    private int col(String target) {
        return idx.getOrDefault(target, -1);
    }

    @Override
    public String schemaVersion() {
        return "invoice-csv/" + m.version();
    }

    @Override
    public void map(Row r) {
        ChargeBuilder b = r.out();
        Instant start = instant(r, "chargePeriodStart");
        if (start == null) throw r.fault(col("chargePeriodStart"), "date/time is required");
        Instant end = instant(r, "chargePeriodEnd");
        if (end == null) end = start.plus(1, ChronoUnit.DAYS);
        YearMonth month = YearMonth.from(start.atZone(ZoneOffset.UTC));
        BigDecimal rate = amount(r, "unitPrice");
        BigDecimal billed;
        if (m.costFromRate()) {
            BigDecimal units = amount(r, "quantity");
            if (units == null) throw r.fault(col("quantity"), "number of units is required (cost = units × rate)");
            if (rate == null) throw r.fault(col("unitPrice"), "rate is required (cost = units × rate)");
            // Exact: the product of two decimals has the sum of their scales, never rounded here.
            billed = units.multiply(rate);
        } else {
            billed = amount(r, "billedCost");
            if (billed == null) throw r.fault(col("billedCost"), "number is required");
        }
        BigDecimal effective = amount(r, "effectiveCost");
        BigDecimal list = amount(r, "listCost");
        String provider = or(r.text(col("provider")), m.provider());
        String currency = or(r.text(col("currency")), m.currency());
        if (currency == null) throw r.fault(col("currency"), "currency is required");
        String account = or(r.text(col("billingAccountId")), or(m.billingAccountId(), provider));

        ChargeCategory category = ChargeCategory.USAGE;
        String rawCategory = r.text(col("chargeCategory"));
        if (rawCategory != null) {
            String mapped = m.chargeCategories().get(rawCategory);
            if (mapped != null) {
                category = ChargeCategory.parse(mapped);
            } else {
                ChargeCategory direct = dev.outlay.model.FocusValue.parseIgnoringCase(ChargeCategory.class, rawCategory);
                if (direct != null) {
                    category = direct;
                } else {
                    category = ChargeCategory.ADJUSTMENT;
                    b.flag(DataQualityFlag.UNMAPPED_CHARGE_CATEGORY);
                }
            }
        }
        BigDecimal qty = category == ChargeCategory.TAX ? null : amount(r, "quantity");
        String unit = qty == null ? null : or(r.text(col("unit")), "Units");
        b.providerName(provider).publisherName(provider).invoiceIssuerName(provider)
                .invoiceId(r.text(col("invoiceId")))
                .billingAccountId(account).billingAccountName(account)
                .subAccountId(r.text(col("subAccountId"))).subAccountName(r.text(col("subAccountName")))
                .billingPeriodStart(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .billingPeriodEnd(month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .chargePeriodStart(start).chargePeriodEnd(end)
                .chargeCategory(category)
                .chargeFrequency(category == ChargeCategory.USAGE ? ChargeFrequency.USAGE_BASED : ChargeFrequency.ONE_TIME)
                .chargeDescription(r.text(col("description")))
                .serviceCategory(serviceCategory(r, b))
                .serviceName(or(r.text(col("serviceName")), provider))
                .resourceId(r.text(col("resourceId"))).resourceName(r.text(col("resourceName")))
                .regionId(r.text(col("regionId"))).skuId(r.text(col("skuId")))
                .pricingQuantity(qty).pricingUnit(unit)
                .listUnitPrice(qty == null ? null : rate).contractedUnitPrice(qty == null ? null : rate)
                .consumedQuantity(category == ChargeCategory.USAGE ? qty : null)
                .consumedUnit(category == ChargeCategory.USAGE ? unit : null)
                .billedCost(billed)
                .effectiveCost(effective == null ? billed : effective)
                .listCost(list == null ? billed : list)
                .contractedCost(billed)
                .billingCurrency(currency);
        Map<String, String> tags = new LinkedHashMap<>();
        String json = r.text(tagsColumn);
        if (json != null) {
            // Azure cost exports write the tags object without its braces: "tagA": "valueA","tagB": "valueB"
            String object = json.strip().startsWith("{") ? json : "{" + json + "}";
            tags.putAll(Tags.parseJsonObject(object, b));
        }
        for (Map.Entry<String, Integer> e : tagIdx.entrySet()) {
            String v = r.text(e.getValue());
            if (v != null) tags.put(e.getKey(), v);
        }
        b.tags(tags);
    }

    /**
     * The row's FOCUS service category: its column's value through {@code serviceCategories}, else the value itself
     * when it is a FOCUS one (any case), else Other, flagged; rows without a value take the mapping's default.
     */
    private ServiceCategory serviceCategory(Row r, ChargeBuilder b) {
        String raw = r.text(col("serviceCategory"));
        if (raw == null) return serviceCategory;
        String mapped = m.serviceCategories().get(raw);
        if (mapped != null) return ServiceCategory.parse(mapped);
        ServiceCategory direct = dev.outlay.model.FocusValue.parseIgnoringCase(ServiceCategory.class, raw);
        if (direct != null) return direct;
        b.flag(DataQualityFlag.UNMAPPED_SERVICE_CATEGORY);
        return ServiceCategory.OTHER;
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
