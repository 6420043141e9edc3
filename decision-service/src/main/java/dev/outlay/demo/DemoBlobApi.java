/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DEMO STUB, part of {@link DemoCloudExportsStub}: the few Blob service operations the Azure SDK's container
 * client issues for an export poll, on a loopback endpoint {@code http://127.0.0.1:<port>/<account>}. List Blobs
 * ({@code ?restype=container&comp=list&prefix=}, one page), Get Blob (whole, or the {@code Range}/{@code x-ms-range}
 * the SDK's input stream reads in chunks, answered 206 with {@code Content-Range}) and Get Blob Properties (HEAD).
 * Errors come as the service writes them: {@code x-ms-error-code} and an XML {@code <Error>} body, because the SDK
 * builds its BlobStorageException (and the connector its problem text) from those.
 */
final class DemoBlobApi {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
    // The service's version header; the SDK sends its own and does not insist on an answer, but logs one.
    private static final String VERSION = "2024-08-04";
    // Two-digit day: the SDK's RFC 1123 parser refuses RFC_1123_DATE_TIME's "1 Jan".
    private static final String LAST_MODIFIED = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US)
            .format(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));

    private final String account;
    private final String container;
    private final Map<String, byte[]> blobs;

    DemoBlobApi(String account, String container, Map<String, byte[]> blobs) {
        this.account = account;
        this.container = container;
        this.blobs = blobs;
    }

    void handle(HttpExchange x) throws IOException {
        x.getResponseHeaders().set("x-ms-request-id", UUID.randomUUID().toString());
        x.getResponseHeaders().set("x-ms-version", VERSION);
        String path = x.getRequestURI().getPath();
        String base = "/" + account + "/" + container;
        if (!path.equals(base) && !path.startsWith(base + "/")) {
            error(x, 404, "ContainerNotFound", "The specified container does not exist.");
            return;
        }
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        String blob = path.length() > base.length() + 1 ? path.substring(base.length() + 1) : "";
        if (blob.isEmpty() && "list".equals(q.get("comp")) && "GET".equals(x.getRequestMethod())) {
            list(x, q.getOrDefault("prefix", ""));
        } else if (!blob.isEmpty() && ("GET".equals(x.getRequestMethod()) || "HEAD".equals(x.getRequestMethod()))) {
            get(x, blob);
        } else {
            error(x, 400, "UnsupportedHttpVerb", "The demo stub answers List Blobs, Get Blob and Get Blob Properties only.");
        }
    }

    private void list(HttpExchange x, String prefix) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults ServiceEndpoint=\"")
                .append(esc("http://" + x.getLocalAddress().getHostString() + ":" + x.getLocalAddress().getPort() + "/" + account + "/"))
                .append("\" ContainerName=\"").append(esc(container)).append("\"><Prefix>").append(esc(prefix)).append("</Prefix><Blobs>");
        for (Map.Entry<String, byte[]> b : blobs.entrySet()) {
            if (!b.getKey().startsWith(prefix)) continue;
            xml.append("<Blob><Name>").append(esc(b.getKey())).append("</Name><Properties><Last-Modified>").append(LAST_MODIFIED)
                    .append("</Last-Modified><Etag>").append(etag(b.getValue())).append("</Etag><Content-Length>").append(b.getValue().length)
                    .append("</Content-Length><Content-Type>").append(contentType(b.getKey()))
                    .append("</Content-Type><BlobType>BlockBlob</BlobType><LeaseStatus>unlocked</LeaseStatus><LeaseState>available</LeaseState>")
                    .append("</Properties></Blob>");
        }
        xml.append("</Blobs><NextMarker /></EnumerationResults>");
        DemoCloudExportsStub.send(x, 200, "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void get(HttpExchange x, String name) throws IOException {
        byte[] all = blobs.get(name);
        if (all == null) {
            error(x, 404, "BlobNotFound", "The specified blob does not exist.");
            return;
        }
        var h = x.getResponseHeaders();
        h.set("ETag", etag(all));
        h.set("Last-Modified", LAST_MODIFIED);
        h.set("Accept-Ranges", "bytes");
        h.set("x-ms-blob-type", "BlockBlob");
        h.set("x-ms-creation-time", LAST_MODIFIED);
        h.set("x-ms-server-encrypted", "true");
        String range = x.getRequestHeaders().getFirst("x-ms-range");
        if (range == null) range = x.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : RANGE.matcher(range.trim());
        if (m == null || !m.matches() || "HEAD".equals(x.getRequestMethod())) {
            DemoCloudExportsStub.send(x, 200, contentType(name), all);
            return;
        }
        long from = Long.parseLong(m.group(1));
        if (from >= all.length) {
            h.set("Content-Range", "bytes */" + all.length);
            error(x, 416, "InvalidRange", "The range specified is invalid for the current size of the resource.");
            return;
        }
        long to = m.group(2).isEmpty() ? all.length - 1 : Math.min(Long.parseLong(m.group(2)), all.length - 1L);
        h.set("Content-Range", "bytes " + from + "-" + to + "/" + all.length);
        DemoCloudExportsStub.send(x, 206, contentType(name), Arrays.copyOfRange(all, (int) from, (int) to + 1));
    }

    private static void error(HttpExchange x, int status, String code, String message) throws IOException {
        x.getResponseHeaders().set("x-ms-error-code", code);
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>" + esc(message)
                + "</Message></Error>";
        DemoCloudExportsStub.send(x, status, "application/xml", body.getBytes(StandardCharsets.UTF_8));
    }

    private static String contentType(String name) {
        return name.endsWith(".json") ? "application/json" : "text/csv";
    }

    private static String etag(byte[] b) {
        try {
            return "\"0x" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b), 0, 8).toUpperCase() + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Map<String, String> query(String raw) {
        return StubQuery.of(raw);
    }
}
