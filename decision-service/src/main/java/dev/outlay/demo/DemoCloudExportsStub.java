/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.outlay.connectors.azure.blob.AzureExportFiles;
import dev.outlay.connectors.synthetic.SyntheticGcpBilling;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * DEMO STUB, demo mode only: a small local HTTP server (JDK HttpServer on 127.0.0.1, a free port) that speaks just
 * enough of two vendor APIs for the real connector readers, with generated data, so the demo tenant's
 * {@code azure-blob} and {@code gcp-bigquery} connections are polled end to end without any cloud account:
 * <ul>
 * <li>the Azure Blob service under {@code /<account>} ({@link DemoBlobApi}: list blobs by prefix, get blob and its
 * properties, ranged reads) serving the Cost Management export runs the generator wrote;</li>
 * <li>the BigQuery REST API under {@code /bigquery/v2} ({@link DemoBigQueryApi}: jobs.query with schema and
 * named parameters, jobs.get, getQueryResults and tabledata.list paging) over the generated export rows.</li>
 * </ul>
 * Nothing outside the demo starts it; it is not a vendor and its data are invented. No credential is checked.
 */
@ApplicationScoped
public class DemoCloudExportsStub {

    private static final Logger LOG = Logger.getLogger(DemoCloudExportsStub.class);
    static final ObjectMapper JSON = new ObjectMapper();
    /** The storage account the stub plays (the first path segment, as for a loopback Blob endpoint). */
    public static final String ACCOUNT = "outlaydemo";
    public static final String CONTAINER = "msexports";
    public static final String PROJECT = "outlay-demo-billing";
    public static final String DATASET = "billing_export";

    private final Map<String, byte[]> blobs = new ConcurrentSkipListMap<>();
    private final Map<String, List<SyntheticGcpBilling.Row>> tables = new ConcurrentHashMap<>();
    private HttpServer server;

    /** The stub's base URL, starting it on first use. */
    public synchronized String baseUrl() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("the demo's cloud export stub could not start", e);
            }
            DemoBlobApi blob = new DemoBlobApi(ACCOUNT, CONTAINER, blobs);
            DemoBigQueryApi bigQuery = new DemoBigQueryApi(tables);
            server.createContext("/" + ACCOUNT, x -> handle(x, blob::handle));
            server.createContext("/bigquery/v2", x -> handle(x, bigQuery::handle));
            server.start();
            LOG.infof("DEMO STUB of Azure Blob Storage and BigQuery on http://127.0.0.1:%d (demo mode only, generated data)",
                    server.getAddress().getPort());
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The Blob endpoint of the stub's storage account. */
    public String blobEndpoint() {
        return baseUrl() + "/" + ACCOUNT;
    }

    /** Publishes generated export runs in the stub's container (same names, same bytes). */
    public void publish(AzureExportFiles files) {
        for (String name : files.names()) blobs.put(name, files.bytes(name).orElseThrow());
    }

    /** Publishes a generated export table as {@code PROJECT.DATASET.table}. */
    public void publish(String table, List<SyntheticGcpBilling.Row> rows) {
        tables.put(PROJECT + "." + DATASET + "." + table, List.copyOf(rows));
    }

    void stop(@Observes ShutdownEvent e) {
        synchronized (this) {
            if (server != null) server.stop(0);
            server = null;
        }
    }

    interface Handler {
        void handle(HttpExchange x) throws IOException;
    }

    private static void handle(HttpExchange x, Handler h) throws IOException {
        try {
            h.handle(x);
        } catch (RuntimeException | IOException e) {
            LOG.warnf(e, "demo cloud export stub: %s %s failed", x.getRequestMethod(), x.getRequestURI());
            ObjectNode body = JSON.createObjectNode();
            body.putObject("error").put("code", 500).put("message", "demo stub error: " + e.getClass().getSimpleName());
            send(x, 500, "application/json", JSON.writeValueAsBytes(body));
        } finally {
            x.close();
        }
    }

    static void send(HttpExchange x, int status, String contentType, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(x.getRequestMethod());
        if (head) {
            x.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            x.sendResponseHeaders(status, -1);
            return;
        }
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (var out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static JsonNode readJson(HttpExchange x) throws IOException {
        // Google's HTTP client gzips request bodies (Content-Encoding: gzip).
        boolean gzip = "gzip".equalsIgnoreCase(x.getRequestHeaders().getFirst("Content-Encoding"));
        try (var in = gzip ? new java.util.zip.GZIPInputStream(x.getRequestBody()) : x.getRequestBody()) {
            return JSON.readTree(in.readAllBytes());
        }
    }
}
