package dev.outlay.ledger;

import dev.outlay.model.Charge;
import dev.outlay.model.DataQualityFlag;
import dev.outlay.model.FocusValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Encodes canonical charges as PostgreSQL COPY text-format lines, in the column order of
 * {@code outlay.ledger_charge} ({@link #COLUMNS}). Text format: tab-separated, {@code \N} for null, and
 * backslash, tab, CR, LF escaped.
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
            + "commitment_discount_category, commitment_discount_type, commitment_discount_status, tags, flags";

    private final StringBuilder sb = new StringBuilder(1024);

    /** The per-file constant columns (tenant, source, ingestion, key, checksum, schema version) are encoded once. */
    CopyEncoder(String tenantId, String source, UUID ingestionId, String objectKey, String checksum, String schemaVersion) {
        this.tenant = esc(tenantId);
        this.head2 = esc(source) + '\t' + ingestionId;
        this.tail = esc(objectKey) + '\t' + esc(checksum) + '\t' + esc(schemaVersion);
    }

    private final String tenant;
    private final String head2;
    private final String tail;

    String line(Charge c, long rowNumber) {
        sb.setLength(0);
        sb.append(tenant).append('\t');
        LocalDate period = c.billingPeriod();
        sb.append(period).append('\t');
        sb.append(head2).append('\t').append(rowNumber).append('\t').append(tail);
        t(c.providerName());
        t(c.publisherName());
        t(c.invoiceIssuerName());
        t(c.invoiceId());
        t(c.billingAccountId());
        t(c.billingAccountName());
        t(c.subAccountId());
        t(c.subAccountName());
        i(c.billingPeriodStart());
        i(c.billingPeriodEnd());
        i(c.chargePeriodStart());
        i(c.chargePeriodEnd());
        v(c.chargeCategory());
        v(c.chargeClass());
        v(c.chargeFrequency());
        t(c.chargeDescription());
        v(c.serviceCategory());
        t(c.serviceName());
        t(c.resourceId());
        t(c.resourceName());
        t(c.resourceType());
        t(c.regionId());
        t(c.regionName());
        t(c.availabilityZone());
        t(c.skuId());
        t(c.skuPriceId());
        v(c.pricingCategory());
        d(c.pricingQuantity());
        t(c.pricingUnit());
        d(c.consumedQuantity());
        t(c.consumedUnit());
        d(c.listUnitPrice());
        d(c.contractedUnitPrice());
        d(c.listCost());
        d(c.contractedCost());
        d(c.effectiveCost());
        d(c.billedCost());
        t(c.billingCurrency());
        t(c.commitmentDiscountId());
        t(c.commitmentDiscountName());
        v(c.commitmentDiscountCategory());
        t(c.commitmentDiscountType());
        v(c.commitmentDiscountStatus());
        sb.append('\t');
        appendEscaped(json(c.tags()));
        sb.append('\t').append('{');
        boolean first = true;
        for (DataQualityFlag f : c.flags()) {
            if (!first) sb.append(',');
            sb.append(f.name());
            first = false;
        }
        sb.append('}').append('\n');
        return sb.toString();
    }

    private void t(String s) {
        sb.append('\t');
        if (s == null) sb.append("\\N");
        else appendEscaped(s);
    }

    private void v(FocusValue v) {
        sb.append('\t');
        if (v == null) sb.append("\\N");
        else sb.append(v.focusValue());
    }

    private void d(BigDecimal d) {
        sb.append('\t');
        if (d == null) sb.append("\\N");
        else sb.append(d.toPlainString());
    }

    private void i(Instant i) {
        sb.append('\t');
        if (i == null) {
            sb.append("\\N");
            return;
        }
        // Billing files repeat a few hundred distinct hours; formatting an Instant is the costliest append.
        String text = instants.get(i);
        if (text == null) {
            text = i.toString();
            if (instants.size() < 8192) instants.put(i, text);
        }
        sb.append(text);
    }

    private final Map<Instant, String> instants = new HashMap<>();

    private void appendEscaped(String s) {
        int n = s.length();
        int k = 0;
        while (k < n) { // most cells need no escaping: append them in one bulk copy
            char ch = s.charAt(k);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') break;
            k++;
        }
        if (k == n) {
            sb.append(s);
            return;
        }
        for (k = 0; k < n; k++) {
            char ch = s.charAt(k);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
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
