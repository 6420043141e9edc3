/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a SCIM PatchOp (RFC 7644 §3.5.2) to a resource's JSON, including the shapes IdPs actually send:
 * <ul>
 * <li>Entra ID capitalises the operation ({@code "Replace"}, {@code "Add"}, {@code "Remove"}) and sends booleans as
 * strings ({@code "value": "False"}); ops are matched case-insensitively and {@code active} is coerced by the caller;</li>
 * <li>Entra ID removes group members with {@code path: "members"} and a value array, Okta with a filter path
 * {@code members[value eq "id"]} and no value;</li>
 * <li>Okta replaces without a path and a value object ({@code {"active": false}} or {@code {"id":…, "displayName":…}});
 * Entra sometimes puts dotted paths as that object's keys ({@code "name.givenName"});</li>
 * <li>Entra adds to {@code emails[type eq "work"].value} when no work e-mail exists yet: the element is created.</li>
 * </ul>
 * Attribute names are case-insensitive; an extension attribute is addressed by its schema URN prefix.
 */
public final class ScimPatch {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The attributes no PATCH may change (read-only, or server-assigned). */
    private final java.util.Set<String> readOnly;
    private final String coreSchema;

    public ScimPatch(String coreSchema, java.util.Set<String> readOnly) {
        this.coreSchema = coreSchema;
        this.readOnly = readOnly;
    }

    /** Applies every operation of a PatchOp body to {@code resource} in order (it is changed in place). */
    public void apply(ObjectNode resource, JsonNode body) {
        if (body == null || !body.isObject()) throw ScimException.invalidSyntax("A PATCH body is a PatchOp object.");
        JsonNode schemas = body.get("schemas");
        if (schemas != null && schemas.isArray() && schemas.size() > 0) {
            boolean patchOp = false;
            for (JsonNode s : schemas) patchOp |= ScimMedia.PATCH.equalsIgnoreCase(s.asText());
            if (!patchOp) throw ScimException.invalidSyntax("A PATCH body names the schema " + ScimMedia.PATCH + ".");
        }
        JsonNode ops = field(body, "Operations");
        if (ops == null || !ops.isArray() || ops.isEmpty()) throw ScimException.invalidSyntax("A PATCH body needs a non-empty 'Operations' array.");
        for (JsonNode op : ops) {
            String name = op.path("op").asText("").toLowerCase(Locale.ROOT);
            JsonNode pathNode = op.get("path");
            String path = pathNode == null || pathNode.isNull() ? null : pathNode.asText().trim();
            JsonNode value = op.get("value");
            switch (name) {
                case "add", "replace" -> {
                    if (value == null) throw ScimException.invalidValue("Operation '" + name + "' needs a value.");
                    if (path == null || path.isEmpty()) {
                        if (!value.isObject()) throw ScimException.invalidValue("Without a path, the value of '" + name + "' is an object of attributes.");
                        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                            Map.Entry<String, JsonNode> e = it.next();
                            if (e.getKey().equalsIgnoreCase("schemas")) continue;
                            set(resource, Path.parse(e.getKey(), coreSchema), e.getValue(), name.equals("add"));
                        }
                    } else {
                        set(resource, Path.parse(path, coreSchema), value, name.equals("add"));
                    }
                }
                case "remove" -> {
                    if (path == null || path.isEmpty()) throw ScimException.noTarget("Operation 'remove' needs a path.");
                    remove(resource, Path.parse(path, coreSchema), value);
                }
                default -> throw ScimException.invalidSyntax("Unknown PATCH operation '" + op.path("op").asText() + "'; use add, remove or replace.");
            }
        }
    }

    /** A parsed attribute path: schema container, attribute, optional {@code [sub eq "v"]} filter, optional sub-attribute. */
    record Path(String schema, String attr, String filterAttr, String filterValue, String sub) {

        static Path parse(String raw, String coreSchema) {
            String schema = null;
            String rest = raw;
            if (raw.regionMatches(true, 0, "urn:", 0, 4)) {
                int bracket = raw.indexOf('[');
                int colon = raw.lastIndexOf(':', bracket < 0 ? raw.length() : bracket);
                if (colon <= 0 || colon == raw.length() - 1) throw ScimException.invalidPath("Cannot read the path '" + raw + "'.");
                schema = raw.substring(0, colon);
                rest = raw.substring(colon + 1);
                if (schema.equalsIgnoreCase(coreSchema)) schema = null;
            }
            String filterAttr = null;
            String filterValue = null;
            String sub = null;
            int open = rest.indexOf('[');
            String attr;
            if (open >= 0) {
                int close = rest.indexOf(']', open);
                if (close < 0) throw ScimException.invalidPath("Unbalanced '[' in the path '" + raw + "'.");
                attr = rest.substring(0, open);
                String filter = rest.substring(open + 1, close).trim();
                java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("(?i)([A-Za-z][\\w$-]*)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(filter);
                if (!m.matches()) throw ScimException.invalidPath("Only value filters of the form [attr eq \"value\"] are supported: '" + raw + "'.");
                filterAttr = m.group(1);
                filterValue = m.group(2).replaceAll("\\\\(.)", "$1");
                String after = rest.substring(close + 1);
                if (after.startsWith(".")) sub = after.substring(1);
                else if (!after.isEmpty()) throw ScimException.invalidPath("Cannot read the path '" + raw + "'.");
            } else {
                int dot = rest.indexOf('.');
                attr = dot < 0 ? rest : rest.substring(0, dot);
                sub = dot < 0 ? null : rest.substring(dot + 1);
            }
            if (attr.isEmpty() || !attr.matches("[A-Za-z$][\\w$-]*") || (sub != null && !sub.matches("[A-Za-z$][\\w$-]*"))) {
                throw ScimException.invalidPath("Cannot read the path '" + raw + "'.");
            }
            return new Path(schema, attr, filterAttr, filterValue, sub);
        }
    }

    private ObjectNode container(ObjectNode resource, Path p, boolean create) {
        if (p.schema() == null) return resource;
        String key = key(resource, p.schema());
        JsonNode ext = resource.get(key);
        if (ext instanceof ObjectNode o) return o;
        if (!create) return null;
        ObjectNode o = resource.putObject(p.schema());
        ArrayNode schemas = resource.withArray("schemas");
        boolean listed = false;
        for (JsonNode s : schemas) listed |= s.asText().equalsIgnoreCase(p.schema());
        if (!listed) schemas.add(p.schema());
        return o;
    }

    private void guard(Path p) {
        if (p.schema() == null && readOnly.contains(p.attr().toLowerCase(Locale.ROOT))) {
            throw ScimException.mutability("The attribute '" + p.attr() + "' cannot be changed.");
        }
    }

    private void set(ObjectNode resource, Path p, JsonNode value, boolean add) {
        if (p.schema() == null && p.filterAttr() == null && p.sub() == null && p.attr().equalsIgnoreCase("id")) {
            // Okta's group replace carries the resource's own id next to displayName: it changes nothing.
            if (value.asText().equals(resource.path("id").asText())) return;
        }
        guard(p);
        ObjectNode target = container(resource, p, true);
        String key = key(target, p.attr());
        JsonNode current = target.get(key);
        if (p.filterAttr() != null) {
            ArrayNode array = current instanceof ArrayNode a ? a : target.putArray(key);
            List<ObjectNode> matched = matching(array, p);
            if (matched.isEmpty()) {
                ObjectNode created = array.addObject();
                created.put(p.filterAttr(), p.filterValue());
                matched = List.of(created);
            }
            for (ObjectNode element : matched) {
                if (p.sub() != null) element.set(key(element, p.sub()), value);
                else if (value.isObject()) element.setAll((ObjectNode) value);
                else throw ScimException.invalidValue("The value for '" + p.attr() + "[…]' is an object.");
            }
            return;
        }
        if (p.sub() != null) {
            ObjectNode complex = current instanceof ObjectNode o ? o : target.putObject(key);
            complex.set(key(complex, p.sub()), value);
            return;
        }
        if (add && current instanceof ArrayNode array) {
            for (JsonNode v : value.isArray() ? value : F.arrayNode().add(value)) {
                if (!contains(array, v)) array.add(v);
            }
            return;
        }
        if (add && current instanceof ObjectNode complex && value.isObject()) {
            complex.setAll((ObjectNode) value);
            return;
        }
        target.set(key, value);
    }

    private void remove(ObjectNode resource, Path p, JsonNode value) {
        guard(p);
        ObjectNode target = container(resource, p, false);
        if (target == null) return;
        String key = key(target, p.attr());
        JsonNode current = target.get(key);
        if (current == null) return;
        if (p.filterAttr() != null) {
            if (!(current instanceof ArrayNode array)) return;
            List<ObjectNode> matched = matching(array, p);
            for (ObjectNode element : matched) {
                if (p.sub() != null) element.remove(key(element, p.sub()));
            }
            if (p.sub() == null) {
                for (int i = array.size() - 1; i >= 0; i--) if (matched.contains(array.get(i))) array.remove(i);
            }
            return;
        }
        if (p.sub() != null) {
            if (current instanceof ObjectNode o) o.remove(key(o, p.sub()));
            return;
        }
        if (value != null && !value.isNull() && current instanceof ArrayNode array) {
            // Entra ID's member removal: path "members" with the members to drop as the value.
            for (JsonNode v : value.isArray() ? value : F.arrayNode().add(value)) {
                for (int i = array.size() - 1; i >= 0; i--) if (sameElement(array.get(i), v)) array.remove(i);
            }
            return;
        }
        target.remove(key);
    }

    private static List<ObjectNode> matching(ArrayNode array, Path p) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode e : array) {
            if (e instanceof ObjectNode o) {
                JsonNode v = o.get(key(o, p.filterAttr()));
                if (v != null && v.asText().equalsIgnoreCase(p.filterValue())) out.add(o);
            }
        }
        return out;
    }

    private static boolean contains(ArrayNode array, JsonNode v) {
        for (JsonNode e : array) if (sameElement(e, v)) return true;
        return false;
    }

    /** Multi-valued elements are the same when their {@code value} is (members, e-mails), else when equal. */
    private static boolean sameElement(JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject() && a.has("value") && b.has("value")) return a.get("value").asText().equalsIgnoreCase(b.get("value").asText());
        return a.equals(b);
    }

    /** The existing key matching {@code name} case-insensitively (RFC 7643 §2.1), or {@code name}. */
    static String key(ObjectNode node, String name) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.equalsIgnoreCase(name)) return k;
        }
        return name;
    }

    static JsonNode field(JsonNode node, String name) {
        return node instanceof ObjectNode o ? o.get(key(o, name)) : null;
    }
}
