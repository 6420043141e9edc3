/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SCIM filters IdPs send (RFC 7644 §3.4.2.2), parsed into SQL over indexed columns: {@code attr op "value"}
 * with eq, ne, co, sw, ew, and pr, joined by {@code and}. Okta and Entra ID only ever send eq (and Entra's
 * {@code and}); co and sw are what admin tools add. Attribute names are case-insensitive (RFC 7643 §2.1); string
 * comparisons are too, since userName, externalId and displayName are caseExact=false here. Anything else
 * (or, not, grouping, complex paths) is refused with scimType invalidFilter rather than guessed at.
 */
public final class ScimFilter {

    /** One comparison: the column expression (from the resource's attribute map), the operator, the value (null for pr). */
    public record Term(String column, String op, String value) {
    }

    private final List<Term> terms;

    private ScimFilter(List<Term> terms) {
        this.terms = terms;
    }

    public static ScimFilter none() {
        return new ScimFilter(List.of());
    }

    /** {@code columns}: lower-case SCIM attribute name → SQL expression (text), e.g. {@code username → user_name}. */
    public static ScimFilter parse(String filter, Map<String, String> columns) {
        if (filter == null || filter.isBlank()) return none();
        Lexer lx = new Lexer(filter);
        List<Term> terms = new ArrayList<>();
        while (true) {
            String attr = lx.word();
            String column = attr == null ? null : columns.get(attr.toLowerCase(Locale.ROOT));
            if (column == null) throw ScimException.invalidFilter("Cannot filter on '" + attr + "'; filterable: " + columns.keySet() + ".");
            String op = lx.word();
            if (op == null) throw ScimException.invalidFilter("Missing operator after '" + attr + "'.");
            op = op.toLowerCase(Locale.ROOT);
            String value = null;
            switch (op) {
                case "eq", "ne", "co", "sw", "ew" -> value = lx.value();
                case "pr" -> {
                }
                default -> throw ScimException.invalidFilter("Unsupported operator '" + op + "'; supported: eq, ne, co, sw, ew, pr.");
            }
            terms.add(new Term(column, op, value));
            String next = lx.word();
            if (next == null) break;
            if (!next.equalsIgnoreCase("and")) throw ScimException.invalidFilter("Only 'and' joins filter expressions here, not '" + next + "'.");
        }
        return new ScimFilter(terms);
    }

    public List<Term> terms() {
        return terms;
    }

    /** The WHERE fragment (starting with " AND ", or empty) and its parameters appended to {@code params}. */
    public String sql(List<Object> params) {
        StringBuilder sb = new StringBuilder();
        for (Term t : terms) sb.append(sql(t, params));
        return sb.toString();
    }

    /** One term as " AND …", its parameters appended. */
    public static String sql(Term t, List<Object> params) {
        StringBuilder sb = new StringBuilder(" AND ");
        String col = "lower(" + t.column() + ")";
        switch (t.op()) {
            case "eq" -> sb.append(col).append(" = lower(?)");
            case "ne" -> sb.append(col).append(" IS DISTINCT FROM lower(?)");
            case "co" -> sb.append("strpos(").append(col).append(", lower(?)) > 0");
            case "sw" -> sb.append("left(").append(col).append(", length(?)) = lower(?)");
            case "ew" -> sb.append("right(").append(col).append(", length(?)) = lower(?)");
            default -> sb.append(t.column()).append(" IS NOT NULL");
        }
        if (t.value() != null) {
            params.add(t.value());
            if (t.op().equals("sw") || t.op().equals("ew")) params.add(t.value());
        }
        return sb.toString();
    }

    /** A tiny tokenizer: bare words, and JSON-style quoted strings (with \" and \\ escapes), or true/false/null. */
    private static final class Lexer {
        private final String s;
        private int i;

        Lexer(String s) {
            this.s = s;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        String word() {
            skip();
            if (i >= s.length()) return null;
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                char ch = s.charAt(i);
                if (ch == '(' || ch == ')' || ch == '[' || ch == ']' || ch == '"') {
                    throw ScimException.invalidFilter("Grouping, complex attribute filters and 'not' are not supported (at position " + (i + 1) + ").");
                }
                i++;
            }
            return s.substring(start, i);
        }

        String value() {
            skip();
            if (i >= s.length()) throw ScimException.invalidFilter("Missing comparison value.");
            if (s.charAt(i) != '"') {
                String w = word();
                if (w.equals("true") || w.equals("false")) return w;
                throw ScimException.invalidFilter("A comparison value must be a quoted string or true/false, not '" + w + "'.");
            }
            StringBuilder out = new StringBuilder();
            i++;
            while (i < s.length()) {
                char ch = s.charAt(i++);
                if (ch == '"') return out.toString();
                if (ch == '\\' && i < s.length()) {
                    out.append(s.charAt(i++));
                } else {
                    out.append(ch);
                }
            }
            throw ScimException.invalidFilter("Unterminated string in the filter.");
        }
    }
}
