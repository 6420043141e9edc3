/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Interprets the FOCUS 1.2 requirements model of the FinOps Foundation's validator (test resource
 * {@code focus/requirements-model-1.2.json}, MIT, see {@code focus/NOTICE.md}) against one dataset: every rule whose
 * keyword is MUST or MUST NOT and that has a machine form ({@code Requirement}) is judged.
 *
 * <p>Semantics, chosen to match how a SQL engine would evaluate the model's check functions:
 * <ul>
 *   <li>A row fails a rule when the rule's {@code Condition} is true for it and its {@code Requirement} is false.
 *       Comparisons are three-valued: a null operand makes {@code CheckValue "x"} unknown, not false (so "MUST be
 *       one of the allowed values" does not fail a null cell; the column's nullability rules judge nulls), while
 *       {@code CheckValue null} / {@code CheckNotValue null} are IS NULL / IS NOT NULL.</li>
 *   <li>The model's MUST NOT rules already state the required condition positively (e.g. RegionName-C-005-C
 *       "MUST NOT be null" has the requirement {@code CheckNotValue RegionName null}), so they are judged as written.</li>
 *   <li>A rule whose {@code ApplicabilityCriteria} the dataset does not declare is not applicable.</li>
 *   <li>A column rule (other than presence) about a column the dataset does not have is skipped: whether the column
 *       must be there is the business of the dataset's presence rules ({@code CostAndUsage-D-*}).</li>
 *   <li>{@code CheckModelRule} is the referenced rule's outcome on the rows the referencing rule selects (its own and
 *       its parents' conditions): the model is judged from its roots down. A reference to a SHOULD, MAY or RECOMMENDED
 *       rule, or to a rule that is skipped, excluded or has no machine form, holds; the MUST rules below an advisory
 *       rule are judged all the same.</li>
 * </ul>
 * Formats follow the model's attribute rules: DateTimeFormat-A-003-M ({@code YYYY-MM-DDTHH:mm:ssZ}),
 * NumericFormat-A-003..011 (integer, decimal or {@code mEn} E notation, no plus sign, no separators),
 * KeyValueFormat-A-001..004 (a JSON object with unique keys and primitive values), CurrencyFormat-A-001-C (ISO 4217),
 * StringHandling-A-001-M (valid Unicode), UnitFormat (no blank or padded units).
 */
final class FocusRequirementsModel {

    enum Status { PASS, FAIL, NOT_APPLICABLE, COLUMN_ABSENT, NO_MACHINE_FORM, ADVISORY, EXCLUDED }

    /** One rule's outcome; {@code detail} names up to three failing rows and their cells. */
    record Outcome(String ruleId, Status status, String detail) {
    }

    /** The dataset: its header and its rows (a null cell is a FOCUS null). */
    record Dataset(List<String> columns, List<Map<String, String>> rows) {
    }

    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern NUMERIC = Pattern.compile("-?(\\d+(\\.\\d+)?|\\.\\d+)(E-?\\d+)?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** The product of two columns matches a third to the micro-unit (derived unit prices are rounded to 16 digits). */
    private static final BigDecimal PRODUCT_TOLERANCE = new BigDecimal("0.000001");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode rules;

    private FocusRequirementsModel(JsonNode rules) {
        this.rules = rules;
    }

    static FocusRequirementsModel load() {
        try (InputStream in = FocusRequirementsModel.class.getResourceAsStream("/focus/requirements-model-1.2.json")) {
            JsonNode root = JSON.readTree(in);
            if (!"1.2".equals(root.path("Details").path("FOCUSVersion").asText())) throw new IllegalStateException("not the FOCUS 1.2 model");
            return new FocusRequirementsModel(root.get("ModelRules"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the rules with keyword MUST or MUST NOT. */
    List<String> mustRules() {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (isMust(e.getValue())) out.add(e.getKey());
        }
        return out;
    }

    String text(String ruleId) {
        return rule(ruleId).path("ValidationCriteria").path("MustSatisfy").asText();
    }

    /**
     * Judges every MUST/MUST NOT rule.
     *
     * @param criteria the applicability criteria the dataset's provider declares (e.g. REGION_SUPPORTED)
     * @param excluded rules a machine cannot judge as written, with the reason: they are not judged, and a composite
     *                 referencing one holds for that reference
     */
    Map<String, Outcome> evaluate(Dataset data, Set<String> criteria, Map<String, String> excluded) {
        return new Run(data, criteria, excluded).all();
    }

    private JsonNode rule(String id) {
        JsonNode r = rules.get(id);
        if (r == null) throw new IllegalArgumentException("no rule " + id + " in the model");
        return r;
    }

    private static boolean isMust(JsonNode rule) {
        String k = rule.path("ValidationCriteria").path("Keyword").asText();
        return k.equals("MUST") || k.equals("MUST NOT");
    }

    private final class Run {
        final Dataset data;
        final Set<String> columns;
        final Set<String> criteria;
        final Map<String, String> excluded;
        final BitSet all;
        /** Outcomes per rule and the rows it was judged on (a composite's condition narrows its children's rows). */
        final Map<String, Map<BitSet, Outcome>> memo = new HashMap<>();
        /** Per rule, the worst outcome over the scopes it was judged in. */
        final Map<String, Outcome> worst = new HashMap<>();
        final Set<String> evaluating = new HashSet<>();

        Run(Dataset data, Set<String> criteria, Map<String, String> excluded) {
            this.data = data;
            this.columns = Set.copyOf(data.columns());
            this.criteria = criteria;
            this.excluded = excluded;
            this.all = new BitSet();
            all.set(0, data.rows().size());
        }

        /**
         * Judges the model from its roots (rules no other rule references), so that a rule is judged on the rows its
         * parents' conditions select: "When PricingQuantity is not null, PricingQuantity adheres to ..." (C-007-C)
         * scopes its child C-008-M. A rule reached only under a rule that does not apply is not applicable.
         */
        Map<String, Outcome> all() {
            Set<String> referenced = new HashSet<>();
            for (Iterator<JsonNode> it = rules.elements(); it.hasNext(); ) collectReferences(it.next().path("ValidationCriteria").path("Requirement"), referenced);
            for (Iterator<String> it = rules.fieldNames(); it.hasNext(); ) {
                String id = it.next();
                if (!referenced.contains(id)) evaluate(id, all);
            }
            Map<String, Outcome> out = new TreeMap<>();
            for (String id : mustRules()) {
                out.put(id, worst.getOrDefault(id, new Outcome(id, Status.NOT_APPLICABLE, "only under rules that do not apply here")));
            }
            return out;
        }

        private void collectReferences(JsonNode c, Set<String> out) {
            if (c.has("ModelRuleId")) out.add(c.get("ModelRuleId").asText());
            for (JsonNode item : c.path("Items")) collectReferences(item, out);
        }

        Outcome evaluate(String id, BitSet scope) {
            Map<BitSet, Outcome> byScope = memo.computeIfAbsent(id, k -> new HashMap<>());
            Outcome known = byScope.get(scope);
            if (known != null) return known;
            if (!evaluating.add(id)) throw new IllegalStateException("rule cycle at " + id);
            Outcome o = judge(id, rule(id), scope);
            evaluating.remove(id);
            byScope.put((BitSet) scope.clone(), o);
            Outcome w = worst.get(id);
            if (w == null || rank(o.status()) > rank(w.status())) worst.put(id, o);
            return o;
        }

        private int rank(Status s) {
            return switch (s) {
                case FAIL -> 3;
                case PASS -> 2;
                default -> 1;
            };
        }

        private Outcome judge(String id, JsonNode rule, BitSet scope) {
            if (excluded.containsKey(id)) return new Outcome(id, Status.EXCLUDED, excluded.get(id));
            for (JsonNode c : rule.path("ApplicabilityCriteria")) {
                if (!criteria.contains(c.asText())) return new Outcome(id, Status.NOT_APPLICABLE, c.asText());
            }
            JsonNode vc = rule.path("ValidationCriteria");
            JsonNode requirement = vc.path("Requirement");
            if (requirement.isMissingNode() || requirement.isEmpty()) return new Outcome(id, Status.NO_MACHINE_FORM, null);
            String reference = rule.path("Reference").asText();
            if (rule.path("EntityType").asText().equals("Column") && !rule.path("Function").asText().equals("Presence")
                    && !columns.contains(reference)) {
                return new Outcome(id, Status.COLUMN_ABSENT, reference);
            }
            JsonNode condition = vc.path("Condition");
            BitSet rows = (BitSet) scope.clone();
            if (!condition.isMissingNode() && !condition.isEmpty()) {
                for (int i = rows.nextSetBit(0); i >= 0; i = rows.nextSetBit(i + 1)) {
                    if (!Boolean.TRUE.equals(check(condition, data.rows().get(i), all))) rows.clear(i);
                }
            }
            Outcome o;
            if (requirement.path("CheckFunction").asText().equals("CheckDistinctCount")) {
                o = distinctCount(id, requirement, rows);
            } else {
                List<String> failures = new ArrayList<>();
                int failed = 0;
                for (int i = rows.nextSetBit(0); i >= 0; i = rows.nextSetBit(i + 1)) {
                    Map<String, String> row = data.rows().get(i);
                    if (Boolean.FALSE.equals(check(requirement, row, rows))) {
                        failed++;
                        if (failures.size() < 3) failures.add("row " + (i + 1) + " " + cells(requirement, row));
                    }
                }
                // A composite over no rows still judges its children (on no rows), so that their outcomes are recorded.
                if (rows.isEmpty()) check(requirement, Map.of(), rows);
                o = failed == 0 ? new Outcome(id, Status.PASS, null)
                        : new Outcome(id, Status.FAIL, failed + " rows fail, e.g. " + String.join("; ", failures));
            }
            // SHOULD, MAY, RECOMMENDED: judged (so the MUST rules below them are), but they never fail a parent.
            if (!isMust(rule)) return new Outcome(id, Status.ADVISORY, vc.path("Keyword").asText() + ": " + o.status());
            return o;
        }

        /** CheckDistinctCount(A, B, n): each non-null value of A occurs with exactly n distinct values of B. */
        private Outcome distinctCount(String id, JsonNode r, BitSet rows) {
            String a = r.path("ColumnAName").asText();
            String b = r.path("ColumnBName").asText();
            int expected = r.path("ExpectedCount").asInt();
            Map<String, Set<String>> seen = new LinkedHashMap<>();
            for (int i = rows.nextSetBit(0); i >= 0; i = rows.nextSetBit(i + 1)) {
                Map<String, String> row = data.rows().get(i);
                String va = row.get(a);
                if (va == null) continue;
                Set<String> bs = seen.computeIfAbsent(va, k -> new HashSet<>());
                String vb = row.get(b);
                if (vb != null) bs.add(vb);
            }
            List<String> bad = new ArrayList<>();
            seen.forEach((k, v) -> {
                if (v.size() != expected) bad.add(a + "=" + k + " has " + b + " " + new java.util.TreeSet<>(v));
            });
            return bad.isEmpty() ? new Outcome(id, Status.PASS, null) : new Outcome(id, Status.FAIL, String.join("; ", bad));
        }

        /** TRUE, FALSE, or null (unknown) for one row. */
        /** @param scope the rows the enclosing rule is judged on: a referenced rule is judged on them */
        private Boolean check(JsonNode c, Map<String, String> row, BitSet scope) {
            String fn = c.path("CheckFunction").asText();
            String col = c.path("ColumnName").asText(null);
            String v = col == null ? null : row.get(col);
            return switch (fn) {
                // No short cut: every item is judged, so every failing rule below a composite is reported.
                case "AND" -> {
                    boolean anyFalse = false;
                    boolean anyUnknown = false;
                    for (JsonNode item : c.path("Items")) {
                        Boolean b = check(item, row, scope);
                        anyFalse |= Boolean.FALSE.equals(b);
                        anyUnknown |= b == null;
                    }
                    yield anyFalse ? Boolean.FALSE : anyUnknown ? null : Boolean.TRUE;
                }
                case "OR" -> {
                    boolean anyTrue = false;
                    boolean anyUnknown = false;
                    for (JsonNode item : c.path("Items")) {
                        Boolean b = check(item, row, scope);
                        anyTrue |= Boolean.TRUE.equals(b);
                        anyUnknown |= b == null;
                    }
                    yield anyTrue ? Boolean.TRUE : anyUnknown ? null : Boolean.FALSE;
                }
                case "CheckModelRule" -> {
                    Outcome o = evaluate(c.path("ModelRuleId").asText(), scope);
                    yield o.status() != Status.FAIL;
                }
                case "ColumnPresent" -> columns.contains(col);
                case "CheckValue" -> c.path("Value").isNull() ? Boolean.valueOf(v == null) : equalsValue(v, c.path("Value").asText());
                case "CheckNotValue" -> c.path("Value").isNull() ? Boolean.valueOf(v != null) : not(equalsValue(v, c.path("Value").asText()));
                case "CheckSameValue", "CheckNotSameValue" -> {
                    String x = row.get(c.path("ColumnAName").asText());
                    String y = row.get(c.path("ColumnBName").asText());
                    if (x == null || y == null) yield null;
                    yield fn.equals("CheckSameValue") == x.equals(y);
                }
                case "CheckGreaterOrEqualThanValue" -> {
                    if (v == null) yield null;
                    BigDecimal d = decimal(v);
                    yield d != null && d.compareTo(new BigDecimal(c.path("Value").asText())) >= 0;
                }
                case "CheckDecimalValue", "TypeDecimal" -> v == null ? null : Boolean.valueOf(decimal(v) != null);
                case "FormatNumeric" -> v == null ? null : Boolean.valueOf(NUMERIC.matcher(v).matches());
                // A CSV cell is text; every non-null value is a string, and valid Unicode once decoded as UTF-8.
                case "TypeString" -> v == null ? null : Boolean.TRUE;
                case "FormatString" -> v == null ? null : Boolean.valueOf(validUnicode(v));
                case "TypeDateTime", "FormatDateTime" -> v == null ? null : Boolean.valueOf(dateTime(v));
                case "FormatCurrency" -> v == null ? null : Boolean.valueOf(CURRENCY.matcher(v).matches() || (!v.isBlank() && validUnicode(v)));
                case "CheckNationalCurrency" -> v == null ? null : Boolean.valueOf(CURRENCY.matcher(v).matches() && national(v));
                case "FormatUnit" -> v == null ? null : Boolean.valueOf(!v.isBlank() && v.equals(v.strip()));
                case "FormatKeyValue" -> v == null ? null : Boolean.valueOf(keyValue(v));
                case "ColumnByColumnEqualsColumnValue" -> {
                    BigDecimal a = decimal(row.get(c.path("ColumnAName").asText()));
                    BigDecimal b = decimal(row.get(c.path("ColumnBName").asText()));
                    BigDecimal r = decimal(row.get(c.path("ResultColumnName").asText()));
                    if (a == null || b == null || r == null) yield null;
                    yield a.multiply(b).subtract(r).abs().compareTo(PRODUCT_TOLERANCE) <= 0;
                }
                default -> throw new IllegalStateException("check function " + fn + " is not interpreted");
            };
        }

        private String cells(JsonNode c, Map<String, String> row) {
            Map<String, String> named = new TreeMap<>();
            collectColumns(c, row, named);
            return named.toString();
        }

        private void collectColumns(JsonNode c, Map<String, String> row, Map<String, String> out) {
            for (String f : List.of("ColumnName", "ColumnAName", "ColumnBName", "ResultColumnName")) {
                if (c.has(f)) out.put(c.get(f).asText(), row.get(c.get(f).asText()));
            }
            for (JsonNode item : c.path("Items")) collectColumns(item, row, out);
        }
    }

    /** SQL {@code v = value}: unknown when v is null. */
    private static Boolean equalsValue(String v, String value) {
        return v == null ? null : Boolean.valueOf(v.equals(value));
    }

    private static Boolean not(Boolean b) {
        return b == null ? null : Boolean.valueOf(!b);
    }

    private static BigDecimal decimal(String v) {
        if (v == null || !NUMERIC.matcher(v).matches()) return null;
        return new BigDecimal(v);
    }

    private static boolean dateTime(String v) {
        if (!DATETIME.matcher(v).matches()) return false;
        try {
            Instant.parse(v);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean national(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean validUnicode(String v) {
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '\uFFFD') return false; // what a decoder leaves for bytes that were not UTF-8
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 >= v.length() || !Character.isLowSurrogate(v.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(ch)) {
                return false;
            }
        }
        return true;
    }

    private static boolean keyValue(String v) {
        JsonNode n;
        try {
            // Jackson refuses duplicate keys only when asked to (KeyValueFormat-A-002-M).
            n = JSON.reader().with(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(v);
        } catch (IOException e) {
            return false;
        }
        if (n == null || !n.isObject()) return false;
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
            JsonNode e = it.next();
            if (e.isObject() || e.isArray()) return false;
        }
        return true;
    }
}
