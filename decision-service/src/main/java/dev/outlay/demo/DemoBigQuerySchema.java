/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlay.connectors.synthetic.SyntheticGcpBilling;

import java.math.BigDecimal;
import java.util.List;

/**
 * DEMO STUB, part of {@link DemoCloudExportsStub}: the detailed usage cost export table's schema as the BigQuery
 * REST API returns it, and one generated row as its {@code f}/{@code v} cells in that schema's field order (RECORD
 * as a nested {@code f} list, REPEATED as a list of {@code v}, every scalar a string, NULL as JSON null).
 */
final class DemoBigQuerySchema {

    private DemoBigQuerySchema() {
    }

    static ObjectNode detailedExport() {
        ObjectNode schema = DemoCloudExportsStub.JSON.createObjectNode();
        ArrayNode f = schema.putArray("fields");
        scalar(f, "billing_account_id", "STRING");
        record(f, "service", false, "id", "description");
        record(f, "sku", false, "id", "description");
        scalar(f, "usage_start_time", "TIMESTAMP");
        scalar(f, "usage_end_time", "TIMESTAMP");
        ObjectNode project = record(f, "project", false, "id", "number", "name");
        record((ArrayNode) project.get("fields"), "labels", true, "key", "value");
        record(f, "labels", true, "key", "value");
        record(f, "system_labels", true, "key", "value");
        record(f, "location", false, "location", "country", "region", "zone");
        record(f, "resource", false, "name", "global_name");
        scalar(f, "export_time", "TIMESTAMP");
        scalar(f, "cost", "FLOAT");
        scalar(f, "currency", "STRING");
        scalar(f, "currency_conversion_rate", "FLOAT");
        ObjectNode usage = record(f, "usage", false, "unit", "pricing_unit");
        ArrayNode uf = (ArrayNode) usage.get("fields");
        uf.insert(0, field("amount", "FLOAT", "NULLABLE"));
        uf.insert(2, field("amount_in_pricing_units", "FLOAT", "NULLABLE"));
        ObjectNode credits = record(f, "credits", true, "name", "full_name", "id", "type");
        ((ArrayNode) credits.get("fields")).insert(1, field("amount", "FLOAT", "NULLABLE"));
        record(f, "invoice", false, "month");
        scalar(f, "cost_type", "STRING");
        record(f, "adjustment_info", false, "id", "description", "mode", "type");
        return schema;
    }

    /** The cells of one row, in {@link #detailedExport()}'s order. */
    static ObjectNode cells(SyntheticGcpBilling.Row r) {
        ArrayNode f = DemoCloudExportsStub.JSON.createArrayNode();
        v(f, SyntheticGcpBilling.BILLING_ACCOUNT);
        rec(f, r.serviceId(), r.serviceDescription());
        rec(f, r.skuId(), r.skuDescription());
        v(f, DemoBigQueryApi.seconds(r.usageStart()));
        v(f, DemoBigQueryApi.seconds(r.usageEnd()));
        if (r.projectId() == null) {
            f.addObject().putNull("v");
        } else {
            ObjectNode p = rec(f, r.projectId(), r.projectNumber(), r.projectName());
            labels((ArrayNode) p.get("v").get("f"), r.projectLabels());
        }
        labels(f, r.labels());
        labels(f, List.of());
        rec(f, r.location(), r.country(), r.region(), r.zone());
        rec(f, r.resourceName(), r.resourceGlobalName());
        v(f, DemoBigQueryApi.seconds(r.exportTime()));
        v(f, r.cost().toPlainString());
        v(f, r.currency());
        v(f, "1.0");
        rec(f, num(r.usageAmount()), r.usageUnit(), num(r.pricingAmount()), r.pricingUnit());
        ArrayNode cs = f.addObject().putArray("v");
        for (SyntheticGcpBilling.Credit c : r.credits()) {
            ArrayNode cf = cs.addObject().putObject("v").putArray("f");
            v(cf, c.name());
            v(cf, c.amount().toPlainString());
            v(cf, c.fullName());
            v(cf, c.id());
            v(cf, c.type());
        }
        rec(f, r.invoiceMonth());
        v(f, r.costType());
        f.addObject().putNull("v");
        ObjectNode row = DemoCloudExportsStub.JSON.createObjectNode();
        row.set("f", f);
        return row;
    }

    private static String num(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    private static void labels(ArrayNode f, List<SyntheticGcpBilling.Label> labels) {
        ArrayNode a = f.addObject().putArray("v");
        for (SyntheticGcpBilling.Label l : labels) {
            ArrayNode kv = a.addObject().putObject("v").putArray("f");
            v(kv, l.key());
            v(kv, l.value());
        }
    }

    private static ObjectNode rec(ArrayNode f, String... values) {
        ObjectNode cell = f.addObject();
        ArrayNode inner = cell.putObject("v").putArray("f");
        for (String s : values) v(inner, s);
        return cell;
    }

    private static void v(ArrayNode f, String value) {
        if (value == null) f.addObject().putNull("v");
        else f.addObject().put("v", value);
    }

    private static void scalar(ArrayNode f, String name, String type) {
        f.add(field(name, type, "NULLABLE"));
    }

    private static ObjectNode record(ArrayNode f, String name, boolean repeated, String... stringFields) {
        ObjectNode r = field(name, "RECORD", repeated ? "REPEATED" : "NULLABLE");
        ArrayNode sub = r.putArray("fields");
        for (String s : stringFields) sub.add(field(s, "STRING", "NULLABLE"));
        f.add(r);
        return r;
    }

    private static ObjectNode field(String name, String type, String mode) {
        return DemoCloudExportsStub.JSON.createObjectNode().put("name", name).put("type", type).put("mode", mode);
    }
}
