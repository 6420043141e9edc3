/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the object-created notifications of the storage services: S3 event notifications ({@code Records[]} with
 * {@code eventName ObjectCreated:*}), the same event as EventBridge delivers it ({@code detail-type "Object
 * Created"}), and Azure Event Grid {@code Microsoft.Storage.BlobCreated} in the Event Grid schema (one event or an
 * array) or the CloudEvents schema ({@code type}). Other events (removals, test events) give an empty list.
 */
final class NotificationParser {

    static final String BLOB_CREATED = "Microsoft.Storage.BlobCreated";

    private final ObjectMapper json;

    NotificationParser(ObjectMapper json) {
        this.json = json;
    }

    List<ObjectCreated> parse(String message) {
        JsonNode root;
        try {
            root = message == null ? null : json.readTree(message);
        } catch (JsonProcessingException e) {
            throw new MalformedNotificationException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !(root.isObject() || root.isArray())) throw new MalformedNotificationException("not a JSON object or array");
        List<ObjectCreated> out = new ArrayList<>();
        if (root.isArray()) {
            for (JsonNode e : root) eventGrid(e, out);
        } else if (root.has("Records")) {
            for (JsonNode r : root.path("Records")) s3(r, out);
        } else if (root.has("detail-type")) {
            eventBridge(root, out);
        } else if (root.has("eventType") || root.has("type")) {
            eventGrid(root, out);
        } else if (!"s3:TestEvent".equals(root.path("Event").asText())) {
            throw new MalformedNotificationException("neither an S3 nor an Event Grid notification");
        }
        return out;
    }

    private static void s3(JsonNode r, List<ObjectCreated> out) {
        if (!r.path("eventName").asText("").startsWith("ObjectCreated:")) return;
        String bucket = required(r.path("s3").path("bucket").path("name"), "Records[].s3.bucket.name");
        // S3 URL-encodes the key in notifications (a space arrives as '+')
        String key = URLDecoder.decode(required(r.path("s3").path("object").path("key"), "Records[].s3.object.key"), StandardCharsets.UTF_8);
        String etag = required(r.path("s3").path("object").path("eTag"), "Records[].s3.object.eTag");
        out.add(new ObjectCreated(ObjectCreated.S3, null, bucket, key, etag));
    }

    private static void eventBridge(JsonNode e, List<ObjectCreated> out) {
        if (!"Object Created".equals(e.path("detail-type").asText())) return;
        JsonNode d = e.path("detail");
        out.add(new ObjectCreated(ObjectCreated.S3, null, required(d.path("bucket").path("name"), "detail.bucket.name"),
                required(d.path("object").path("key"), "detail.object.key"), required(d.path("object").path("etag"), "detail.object.etag")));
    }

    private static void eventGrid(JsonNode e, List<ObjectCreated> out) {
        String type = e.has("eventType") ? e.path("eventType").asText() : e.path("type").asText();
        if (!BLOB_CREATED.equals(type)) return;
        String url = required(e.path("data").path("url"), "data.url");
        String etag = required(e.path("data").path("eTag"), "data.eTag");
        out.add(blob(url, etag));
    }

    /**
     * {@code https://<account>.blob.core.windows.net/<container>/<path>} (also a private-link host), or a path-style
     * endpoint (emulator, custom domain) with the account as the first path segment.
     */
    static ObjectCreated blob(String url, String etag) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new MalformedNotificationException("data.url is not a URL");
        }
        String host = u.getHost();
        String path = u.getRawPath() == null ? "" : u.getRawPath().replaceFirst("^/+", "");
        List<String> parts = new ArrayList<>(List.of(path.split("/", -1)));
        String account;
        if (host != null && host.contains(".blob.")) {
            account = host.substring(0, host.indexOf('.'));
        } else {
            if (parts.size() < 3) throw new MalformedNotificationException("data.url names no account, container and blob");
            account = parts.remove(0);
        }
        if (host == null || parts.size() < 2 || parts.get(0).isEmpty()) throw new MalformedNotificationException("data.url names no container and blob");
        String container = parts.remove(0);
        String key = URLDecoder.decode(String.join("/", parts).replace("+", "%2B"), StandardCharsets.UTF_8);
        return new ObjectCreated(ObjectCreated.EVENT_GRID, account, container, key, etag);
    }

    private static String required(JsonNode n, String field) {
        if (!n.isTextual() || n.asText().isBlank()) throw new MalformedNotificationException("missing " + field);
        return n.asText();
    }
}
