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

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Writes users and groups as SCIM resources: the stored attributes plus id, meta (resourceType, created,
 * lastModified, location, version = the ETag) and, for users, their groups. {@code attributes}/{@code
 * excludedAttributes} (RFC 7644 §3.9) drop top-level attributes; Entra ID asks for groups with
 * {@code excludedAttributes=members}. id, schemas and meta are always returned.
 */
final class ScimResources {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> ALWAYS = Set.of("id", "schemas", "meta");

    private ScimResources() {
    }

    static ObjectNode user(ScimUser u, List<ScimGroup> groups, String base) {
        ObjectNode out = F.objectNode();
        out.put("id", u.id().toString());
        out.setAll(u.attributes().deepCopy());
        if (!groups.isEmpty()) {
            ArrayNode g = out.putArray("groups");
            for (ScimGroup group : groups) {
                g.addObject().put("value", group.id().toString()).put("display", group.displayName())
                        .put("$ref", base + "/Groups/" + group.id()).put("type", "direct");
            }
        }
        out.set("meta", meta("User", u.created(), u.modified(), base + "/Users/" + u.id(), u.version()));
        return out;
    }

    static ObjectNode group(ScimGroup g, String base) {
        ObjectNode out = F.objectNode();
        out.putArray("schemas").add(ScimMedia.GROUP);
        out.put("id", g.id().toString());
        out.put("displayName", g.displayName());
        if (g.externalId() != null) out.put("externalId", g.externalId());
        ArrayNode members = out.putArray("members");
        for (ScimGroup.Member m : g.members()) {
            members.addObject().put("value", m.id().toString()).put("display", m.userName())
                    .put("$ref", base + "/Users/" + m.id()).put("type", "User");
        }
        out.set("meta", meta("Group", g.created(), g.modified(), base + "/Groups/" + g.id(), g.version()));
        return out;
    }

    private static ObjectNode meta(String type, java.time.Instant created, java.time.Instant modified, String location, long version) {
        ObjectNode meta = F.objectNode();
        meta.put("resourceType", type);
        meta.put("created", created.toString());
        meta.put("lastModified", modified.toString());
        meta.put("location", location);
        meta.put("version", ScimJson.etag(version));
        return meta;
    }

    static JsonNode project(ObjectNode resource, String attributes, String excluded) {
        if (attributes != null && !attributes.isBlank()) {
            Set<String> keep = names(attributes);
            for (String n : List.copyOf(iter(resource))) {
                if (!ALWAYS.contains(n) && !keep.contains(n.toLowerCase(Locale.ROOT))) resource.remove(n);
            }
        } else if (excluded != null && !excluded.isBlank()) {
            Set<String> drop = names(excluded);
            for (String n : List.copyOf(iter(resource))) {
                if (!ALWAYS.contains(n) && drop.contains(n.toLowerCase(Locale.ROOT))) resource.remove(n);
            }
        }
        return resource;
    }

    private static List<String> iter(ObjectNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Top-level names of an attribute list ("name.givenName" keeps "name"; a schema URN prefix is dropped). */
    private static Set<String> names(String list) {
        Set<String> out = new java.util.HashSet<>();
        for (String a : list.split(",")) {
            String n = a.trim();
            if (n.regionMatches(true, 0, "urn:", 0, 4)) {
                String core = n.toLowerCase(Locale.ROOT);
                if (core.startsWith(ScimMedia.USER.toLowerCase(Locale.ROOT) + ":") || core.startsWith(ScimMedia.GROUP.toLowerCase(Locale.ROOT) + ":")) {
                    n = n.substring(n.lastIndexOf(':') + 1);
                } else {
                    out.add(n.substring(0, n.lastIndexOf(':')).toLowerCase(Locale.ROOT));
                    continue;
                }
            }
            int dot = n.indexOf('.');
            out.add((dot < 0 ? n : n.substring(0, dot)).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    static UUID id(String raw, String type) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ScimException.notFound("No " + type + " " + raw + ".");
        }
    }
}
