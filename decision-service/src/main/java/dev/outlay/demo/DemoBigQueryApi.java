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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.outlay.connectors.synthetic.SyntheticGcpBilling;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DEMO STUB, part of {@link DemoCloudExportsStub}: the BigQuery REST calls the client makes for the billing reader's
 * query, over generated export rows. jobs.query ({@code POST /projects/{p}/queries}) answers the one query shape
 * the reader sends: {@code SELECT * FROM `table` WHERE invoice.month = @month ... export_time > @since}, honouring
 * {@code @month} and {@code @since} (a month with nothing exported after the watermark answers no rows), with the
 * export table's schema (nested RECORD and REPEATED fields) and cells as the API writes them (all strings,
 * TIMESTAMP as epoch seconds). More rows than {@code maxResults} page as BigQuery does: a pageToken, then jobs.get
 * for the anonymous result table and tabledata.list (or getQueryResults) per page. An unknown table is 404
 * {@code notFound}. No SQL is parsed beyond that.
 */
final class DemoBigQueryApi {

    private static final Pattern QUERIES = Pattern.compile("/bigquery/v2/projects/([^/]+)/queries(?:/([^/]+))?");
    private static final Pattern JOB = Pattern.compile("/bigquery/v2/projects/([^/]+)/jobs/([^/]+)");
    private static final Pattern TABLEDATA = Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/_demo_results/tables/([^/]+)/data");
    private static final Pattern TABLE = Pattern.compile("`([^`]+)`");
    private static final ObjectNode SCHEMA = DemoBigQuerySchema.detailedExport();

    private final Map<String, List<SyntheticGcpBilling.Row>> tables;
    private final Map<String, Result> jobs = new ConcurrentHashMap<>();

    private record Result(List<SyntheticGcpBilling.Row> rows, int pageSize) {
    }

    DemoBigQueryApi(Map<String, List<SyntheticGcpBilling.Row>> tables) {
        this.tables = tables;
    }

    void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        Matcher m;
        if ((m = QUERIES.matcher(path)).matches() && m.group(2) == null && "POST".equals(x.getRequestMethod())) {
            query(x, m.group(1), DemoCloudExportsStub.readJson(x));
        } else if ((m = QUERIES.matcher(path)).matches() && m.group(2) != null) {
            page(x, m.group(1), m.group(2), q, "bigquery#getQueryResultsResponse");
        } else if ((m = TABLEDATA.matcher(path)).matches()) {
            page(x, m.group(1), m.group(2), q, "bigquery#tableDataList");
        } else if ((m = JOB.matcher(path)).matches()) {
            job(x, m.group(1), m.group(2));
        } else {
            error(x, 404, "notFound", "Not found: URL " + path + " (the demo stub answers jobs.query, jobs.get, getQueryResults, tabledata.list)");
        }
    }

    private void query(HttpExchange x, String project, JsonNode body) throws IOException {
        String sql = body.path("query").asText("");
        Matcher t = TABLE.matcher(sql);
        String ref = t.find() ? t.group(1) : null;
        List<SyntheticGcpBilling.Row> table = ref == null ? null : tables.get(ref);
        if (table == null) {
            error(x, 404, "notFound", "Not found: Table " + (ref == null ? "(none named)" : ref.replaceFirst("\\.", ":")) + " was not found in location EU");
            return;
        }
        String month = null;
        Instant since = Instant.EPOCH;
        for (JsonNode p : body.path("queryParameters")) {
            String v = p.path("parameterValue").path("value").asText(null);
            if ("month".equals(p.path("name").asText())) month = v;
            // The client writes TIMESTAMP parameters as "yyyy-MM-dd HH:mm:ss.SSSSSS+00:00".
            if ("since".equals(p.path("name").asText()) && v != null) since = OffsetDateTime.parse(v.replace(' ', 'T')).toInstant();
        }
        String invoiceMonth = month;
        Instant watermark = since;
        List<SyntheticGcpBilling.Row> rows = table.stream().filter(r -> r.invoiceMonth().equals(invoiceMonth)).toList();
        if (rows.stream().noneMatch(r -> r.exportTime().isAfter(watermark))) rows = List.of();
        int pageSize = body.path("maxResults").asInt(10_000);
        String jobId = "job_demo_" + UUID.randomUUID().toString().replace("-", "");
        // Kept only while pages remain to be fetched (the last page drops it), so scheduled polls do not pile up.
        if (rows.size() > pageSize) jobs.put(jobId, new Result(rows, pageSize));
        ObjectNode out = DemoCloudExportsStub.JSON.createObjectNode().put("kind", "bigquery#queryResponse");
        out.set("schema", SCHEMA);
        out.putObject("jobReference").put("projectId", project).put("jobId", jobId).put("location", "EU");
        fill(out, rows, 0, pageSize);
        out.put("totalBytesProcessed", String.valueOf(rows.size() * 1024L)).put("jobComplete", true).put("cacheHit", false);
        DemoCloudExportsStub.send(x, 200, "application/json", DemoCloudExportsStub.JSON.writeValueAsBytes(out));
    }

    private void job(HttpExchange x, String project, String jobId) throws IOException {
        // A one-page result is not kept, but its job still exists (DONE) for a client that asks.
        if (!jobId.startsWith("job_demo_")) {
            error(x, 404, "notFound", "Not found: Job " + project + ":EU." + jobId);
            return;
        }
        ObjectNode job = DemoCloudExportsStub.JSON.createObjectNode().put("kind", "bigquery#job").put("id", project + ":EU." + jobId);
        job.putObject("jobReference").put("projectId", project).put("jobId", jobId).put("location", "EU");
        ObjectNode query = job.putObject("configuration").put("jobType", "QUERY").putObject("query");
        query.put("query", "SELECT *").put("useLegacySql", false);
        query.putObject("destinationTable").put("projectId", project).put("datasetId", "_demo_results").put("tableId", jobId);
        job.putObject("status").put("state", "DONE");
        long now = System.currentTimeMillis();
        job.putObject("statistics").put("creationTime", String.valueOf(now)).put("startTime", String.valueOf(now)).put("endTime", String.valueOf(now));
        DemoCloudExportsStub.send(x, 200, "application/json", DemoCloudExportsStub.JSON.writeValueAsBytes(job));
    }

    private void page(HttpExchange x, String project, String jobId, Map<String, String> q, String kind) throws IOException {
        Result r = jobs.get(jobId);
        if (r == null) {
            error(x, 404, "notFound", "Not found: Job " + project + ":EU." + jobId);
            return;
        }
        int from = q.containsKey("pageToken") ? Integer.parseInt(q.get("pageToken")) : Integer.parseInt(q.getOrDefault("startIndex", "0"));
        int size = q.containsKey("maxResults") ? Integer.parseInt(q.get("maxResults")) : r.pageSize();
        ObjectNode out = DemoCloudExportsStub.JSON.createObjectNode().put("kind", kind);
        if (kind.equals("bigquery#getQueryResultsResponse")) {
            out.set("schema", SCHEMA);
            out.putObject("jobReference").put("projectId", project).put("jobId", jobId).put("location", "EU");
            out.put("jobComplete", true);
        }
        fill(out, r.rows(), from, size);
        if (!out.has("pageToken")) jobs.remove(jobId);
        DemoCloudExportsStub.send(x, 200, "application/json", DemoCloudExportsStub.JSON.writeValueAsBytes(out));
    }

    private static void fill(ObjectNode out, List<SyntheticGcpBilling.Row> rows, int from, int size) {
        out.put("totalRows", String.valueOf(rows.size()));
        int to = Math.min(rows.size(), from + Math.max(size, 1));
        ArrayNode a = out.putArray("rows");
        for (int i = from; i < to; i++) a.add(DemoBigQuerySchema.cells(rows.get(i)));
        if (to < rows.size()) out.put("pageToken", String.valueOf(to));
    }

    private static void error(HttpExchange x, int status, String reason, String message) throws IOException {
        ObjectNode body = DemoCloudExportsStub.JSON.createObjectNode();
        ObjectNode e = body.putObject("error").put("code", status).put("message", message)
                .put("status", status == 404 ? "NOT_FOUND" : "INVALID_ARGUMENT");
        e.putArray("errors").addObject().put("message", message).put("domain", "global").put("reason", reason);
        DemoCloudExportsStub.send(x, status, "application/json", DemoCloudExportsStub.JSON.writeValueAsBytes(body));
    }

    static String seconds(Instant t) {
        // Cells carry TIMESTAMP as epoch seconds in a decimal string, as the REST API writes them.
        return new BigDecimal(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9)).stripTrailingZeros().toPlainString();
    }

    private static Map<String, String> query(String raw) {
        return StubQuery.of(raw);
    }
}
