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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.outlay.connectors.ConnectorConfig;
import dev.outlay.connectors.InvalidConfigException;
import dev.outlay.model.ChargeCategory;
import dev.outlay.model.FocusValue;
import dev.outlay.model.ServiceCategory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Declarative column mapping of a generic invoice CSV (SaaS, licences, internal platform, private
 * infrastructure). JSON or YAML; validated on construction. Targets: see {@link #TARGETS}. Example in
 * docs/mappings/invoice-csv.md.
 *
 * @param version         the mapping's own version; recorded in provenance as {@code invoice-csv/<version>}
 * @param provider        ProviderName when no {@code provider} column is mapped
 * @param currency        BillingCurrency when no {@code currency} column is mapped
 * @param billingAccountId BillingAccountId when no column is mapped (defaults to the provider)
 * @param serviceCategory FOCUS ServiceCategory of rows without a {@code serviceCategory} column value (default
 *                        "Business Applications")
 * @param columns         canonical target → CSV column name
 * @param chargeCategories source value of the {@code chargeCategory} column → FOCUS ChargeCategory
 * @param serviceCategories source value of the {@code serviceCategory} column → FOCUS ServiceCategory
 * @param tags            tag key → CSV column name
 * @param tagPrefix       every column whose name starts with this prefix becomes a tag (prefix stripped)
 * @param tagsColumn      a column holding the tags as a JSON object (Azure's export without the braces is accepted)
 * @param dateFormat      java.time pattern of the date columns (e.g. {@code M/d/yyyy}); default ISO 8601
 * @param decimalSeparator "." or "," for amounts written with grouping ("1.234,56"); default plain numbers only
 * @param delimiter       the field separator: "," (default), ";", "\t" or "|"
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record InvoiceMapping(String version, String provider, String currency, String billingAccountId,
                             String serviceCategory, Map<String, String> columns, Map<String, String> chargeCategories,
                             Map<String, String> serviceCategories, Map<String, String> tags, String tagPrefix, String tagsColumn, String dateFormat,
                             String decimalSeparator, String delimiter) implements ConnectorConfig {

    public static final Set<String> TARGETS = Set.of("chargePeriodStart", "chargePeriodEnd", "billedCost", "effectiveCost",
            "listCost", "currency", "provider", "serviceName", "description", "invoiceId", "billingAccountId",
            "subAccountId", "subAccountName", "resourceId", "resourceName", "quantity", "unit", "chargeCategory",
            "serviceCategory", "regionId", "skuId", "unitPrice");

    private static final Set<String> KEYS = Set.of("version", "provider", "currency", "billingAccountId", "serviceCategory",
            "columns", "chargeCategories", "serviceCategories", "tags", "tagPrefix", "tagsColumn", "dateFormat", "decimalSeparator", "delimiter");

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    // Duplicate keys are refused in both notations: a mapping that names a target twice is ambiguous.
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The mapping used when a connection provides none: conventional lower-case column names. */
    public static InvoiceMapping defaults() {
        return new InvoiceMapping("default-1", "Invoice", "USD", null, null, Map.of(
                "chargePeriodStart", "date", "billedCost", "amount", "currency", "currency", "provider", "vendor",
                "serviceName", "product", "invoiceId", "invoice_id", "description", "description",
                "subAccountId", "account", "quantity", "quantity", "unit", "unit"),
                null, null, null, "tag:", null, null, null, null);
    }

    public InvoiceMapping {
        if (version == null || version.isBlank()) version = "1";
        if (provider == null || provider.isBlank()) throw new InvalidConfigException("provider", "provider is required");
        if (columns == null || columns.isEmpty()) throw new InvalidConfigException("columns", "columns is required");
        for (String target : columns.keySet()) {
            if (!TARGETS.contains(target)) {
                throw new InvalidConfigException("columns." + target, "unknown target '" + target + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(TARGETS)) + ")");
            }
        }
        if (columns.get("chargePeriodStart") == null || columns.get("chargePeriodStart").isBlank()) {
            throw new InvalidConfigException("columns.chargePeriodStart", "columns.chargePeriodStart is required");
        }
        // An internal charge states units and a rate instead of an amount: the cost is their product, exactly.
        if (!mapped(columns, "billedCost") && !(mapped(columns, "quantity") && mapped(columns, "unitPrice"))) {
            throw new InvalidConfigException("columns.billedCost", "columns.billedCost is required (or columns.quantity and columns.unitPrice, cost = quantity × unitPrice)");
        }
        if (!columns.containsKey("currency") && (currency == null || currency.isBlank())) {
            throw new InvalidConfigException("currency", "currency (or columns.currency) is required");
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new InvalidConfigException("currency", "currency must be an ISO 4217 code like USD");
        }
        if (serviceCategory == null) serviceCategory = ServiceCategory.BUSINESS_APPLICATIONS.focusValue();
        try {
            ServiceCategory.parse(serviceCategory);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("serviceCategory", e.getMessage());
        }
        chargeCategories = chargeCategories == null ? Map.of() : new LinkedHashMap<>(chargeCategories);
        for (Map.Entry<String, String> e : chargeCategories.entrySet()) {
            try {
                FocusValue.parse(ChargeCategory.class, e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new InvalidConfigException("chargeCategories." + e.getKey(), ex.getMessage());
            }
        }
        if (dateFormat != null) {
            try {
                InvoiceDates.formatter(dateFormat);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException("dateFormat", "dateFormat '" + dateFormat + "' " + e.getMessage());
            }
        }
        if (decimalSeparator != null && !decimalSeparator.equals(".") && !decimalSeparator.equals(",")) {
            throw new InvalidConfigException("decimalSeparator", "decimalSeparator must be \".\" or \",\"");
        }
        if (delimiter == null) delimiter = ",";
        if (delimiter.equalsIgnoreCase("tab")) delimiter = "\t";
        if (delimiter.length() != 1 || ",;\t|".indexOf(delimiter.charAt(0)) < 0) {
            throw new InvalidConfigException("delimiter", "delimiter must be one of \",\", \";\", \"\\t\" (tab) or \"|\"");
        }
        if (tagsColumn != null && tagsColumn.isBlank()) tagsColumn = null;
        serviceCategories = serviceCategories == null ? Map.of() : new LinkedHashMap<>(serviceCategories);
        for (Map.Entry<String, String> e : serviceCategories.entrySet()) {
            try {
                ServiceCategory.parse(e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new InvalidConfigException("serviceCategories." + e.getKey(), ex.getMessage());
            }
        }
        columns = Map.copyOf(columns);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    private static boolean mapped(Map<String, String> columns, String target) {
        return columns.get(target) != null && !columns.get(target).isBlank();
    }

    /** Whether rows are costed as quantity × unitPrice (no billedCost column mapped). */
    public boolean costFromRate() {
        return !mapped(columns, "billedCost");
    }

    /** A mapping in JSON (text starting with '{') or YAML; null or blank gives {@link #defaults()}. */
    public static InvoiceMapping parse(String text) {
        if (text == null || text.isBlank()) return defaults();
        boolean json = text.strip().startsWith("{");
        String notation = json ? "JSON" : "YAML";
        try {
            ObjectMapper mapper = json ? JSON : YAML;
            com.fasterxml.jackson.databind.JsonNode tree = mapper.readTree(text);
            if (tree == null || !tree.isObject()) {
                throw new InvalidConfigException("mapping", "invalid mapping: expected an object of mapping keys, not "
                        + (tree == null ? "nothing" : tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
            }
            // Checked here rather than by Jackson: a record's creator skips unknown keys, and a misspelt key
            // (say "colums") must not silently fall back to defaults.
            for (java.util.Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!KEYS.contains(key)) {
                    throw new InvalidConfigException(key, "unknown mapping key '" + key + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
                }
            }
            return mapper.treeToValue(tree, InvoiceMapping.class);
        } catch (InvalidConfigException e) {
            throw e;
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            if (e.getCause() instanceof InvalidConfigException ice) throw ice;
            throw new InvalidConfigException("mapping", "invalid mapping: " + e.getOriginalMessage() + at(e));
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw new InvalidConfigException("mapping", "invalid mapping: " + e.getOriginalMessage() + at(e));
        } catch (java.io.IOException e) {
            String msg = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getOriginalMessage() + at(jpe) : e.getMessage();
            throw new InvalidConfigException("mapping", "mapping is not valid " + notation + ": " + msg);
        }
    }

    private static String at(com.fasterxml.jackson.core.JsonProcessingException e) {
        var loc = e.getLocation();
        return loc == null || loc.getLineNr() < 1 ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
}
