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
package dev.outlay.bench;

import dev.outlay.connectors.synthetic.SyntheticBilling;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Times Outlay's end-to-end ingest (HTTP upload → parse → COPY → atomic replace → rollup, until the manifest says
 * succeeded) of a generated AWS CUR 2.0 CSV.gz against DuckDB reading the same file with read_csv and a
 * group-by. Both are bound by gunzip + CSV parsing. Then times the PostgreSQL floor ({@link PostgresFloor}) on the rows
 * that ingestion stored. Needs a running Outlay (./outlay demo) and a token:
 *
 * <pre>OUTLAY_TOKEN=$(./outlay token --role finops_admin) java -jar bench/target/outlay-bench.jar --rows 2000000</pre>
 */
public final class IngestBench {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([^\"]+)\"");
    private static final Pattern TIMINGS = Pattern.compile("\"timingsMs\":(\\{[^}]*})");
    /** The server's phase timings of the measured ingestion, as its manifest records them. */
    private static String phases = "{}";
    /** The manifest id of the measured ingestion, for the PostgreSQL floor. */
    private static String ingestionId;
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*}\\s+([0-9.eE+]+)");

    public static void main(String[] args) throws Exception {
        long rows = 2_000_000;
        String url = System.getenv().getOrDefault("OUTLAY_URL", "http://localhost:8080");
        String token = System.getenv("OUTLAY_TOKEN");
        Path dir = Path.of("bench/target/data");
        boolean skipOutlay = false;
        boolean floor = true;
        Path dataDir = Path.of(System.getenv().getOrDefault("OUTLAY_DATA_DIR", "data"));
        String pgUrl = null;
        String pgUser = null;
        String pgPassword = null;
        String tenant = "demo";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--url" -> url = args[++i];
                case "--token" -> token = args[++i];
                case "--dir" -> dir = Path.of(args[++i]);
                case "--duckdb-only" -> skipOutlay = true;
                case "--no-floor" -> floor = false;
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--pg-url" -> pgUrl = args[++i];
                case "--pg-user" -> pgUser = args[++i];
                case "--pg-password" -> pgPassword = args[++i];
                case "--tenant" -> tenant = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("cur2-" + rows + ".csv.gz");
        long written = generate(file, rows);
        System.out.printf("file: %s (%,d rows, %,d bytes)%n", file, written, Files.size(file));

        long duck = duckdb(file);
        System.out.printf("duckdb read_csv + group-by: %,d ms (in-process, native memory; bench process peak RSS %s)%n", duck, peakRss());
        if (skipOutlay) return;
        if (token == null) throw new IllegalStateException("set OUTLAY_TOKEN=$(./outlay token --role finops_admin) or pass --token");
        long[] outlay = outlay(url, token, file);
        System.out.printf("outlay end-to-end ingest:   %,d ms (server peak heap sampled %,d MB)%n", outlay[0], outlay[1]);
        System.out.printf("outlay server phases (ms): %s%n", phases);
        System.out.printf("ratio duckdb/outlay time: %.2fx (>= 1.0 means Outlay's ingest is at least as fast as DuckDB's aggregate)%n",
                (double) duck / outlay[0]);
        System.out.printf("ratio outlay/duckdb time: %.2fx%n", (double) outlay[0] / duck);
        long parse = dryRun(url, token, file);
        System.out.printf("outlay dry run (upload, gunzip, parse and map every row, no database writes): %,d ms = %.2fx duckdb%n",
                parse, (double) parse / duck);
        if (!floor) return;
        String jdbc = pgUrl != null ? pgUrl : PostgresFloor.embeddedUrl(dataDir);
        if (pgUser == null) {
            if (pgUrl != null) throw new IllegalStateException("--pg-url needs --pg-user and --pg-password (a role that may create tables in schema outlay)");
            String[] owner = PostgresFloor.embeddedOwner(dataDir);
            pgUser = owner[0];
            pgPassword = owner[1];
        }
        PostgresFloor.Result f = PostgresFloor.measure(jdbc, pgUser, pgPassword, tenant, UUID.fromString(ingestionId), dir);
        System.out.printf("postgres floor: %,d ms to COPY the same %,d ledger rows (%,d MB binary) into a table with no index,"
                + " constraint or RLS%n", f.millis(), f.rows(), f.bytes() / (1024 * 1024));
        System.out.printf("ratio floor/duckdb time: %.2fx (no PostgreSQL ledger can ingest this file faster than its floor)%n",
                (double) f.millis() / duck);
        System.out.printf("ratio outlay/floor time: %.2fx (what the loader adds: staging, tenant policy, indexes, rollup)%n",
                (double) outlay[0] / f.millis());
    }

    /** Hourly rows for 30 days; resources chosen so the file has about {@code rows} rows. Reused when present. */
    static long generate(Path file, long rows) throws IOException {
        int days = 30;
        int resources = (int) Math.max(1, rows / (days * 24L));
        Path marker = file.resolveSibling(file.getFileName() + ".rows");
        if (Files.exists(file) && Files.exists(marker)) return Long.parseLong(Files.readString(marker).trim());
        long t0 = System.nanoTime();
        long n;
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            n = SyntheticBilling.awsCur2(w, LocalDate.of(2024, 9, 30), days, resources, 24, 7L);
        }
        Files.writeString(marker, Long.toString(n));
        System.out.printf("generated in %,d ms%n", (System.nanoTime() - t0) / 1_000_000);
        return n;
    }

    static long duckdb(Path file) throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            long t0 = System.nanoTime();
            try (ResultSet rs = st.executeQuery("SELECT bill_billing_period_start_date, line_item_usage_account_id, line_item_product_code, "
                    + "line_item_line_item_type, sum(line_item_unblended_cost) AS cost, count(*) AS n FROM read_csv('"
                    + file.toAbsolutePath().toString().replace("'", "''") + "', header = true) GROUP BY ALL")) {
                long groups = 0;
                while (rs.next()) groups++;
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("duckdb groups: %d%n", groups);
                return ms;
            }
        }
    }

    static long[] outlay(String url, String token, Path file) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String connection = "bench-" + System.currentTimeMillis(); // a fresh source: never a duplicate
        HttpRequest post = upload(url + "/api/v1/ingestions", token, file, Map.of("source", "aws-cur", "connection", connection));
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    String metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher m = HEAP.matcher(metrics);
                    double sum = 0;
                    while (m.find()) sum += Double.parseDouble(m.group(1));
                    peak.accumulateAndGet((long) sum, Math::max);
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception ignored) {
                    // metrics are best effort
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        HttpResponse<String> accepted = http.send(post, HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) throw new IllegalStateException("upload answered " + accepted.statusCode() + ": " + accepted.body());
        Matcher idm = ID.matcher(accepted.body());
        if (!idm.find()) throw new IllegalStateException("no id in " + accepted.body());
        String id = idm.group(1);
        ingestionId = id;
        while (true) {
            String body = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/ingestions/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher s = STATUS.matcher(body);
            String status = s.find() ? s.group(1) : "?";
            if (status.equals("succeeded")) {
                Matcher t = TIMINGS.matcher(body);
                if (t.find()) phases = t.group(1);
                break;
            }
            if (!status.equals("queued") && !status.equals("running")) throw new IllegalStateException("ingestion " + status + ": " + body);
            Thread.sleep(100);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        sampler.interrupt();
        return new long[]{ms, peak.get() / (1024 * 1024)};
    }

    /** The same file through POST /api/v1/ingestions/dry-run: Outlay's reading and mapping cost without the database. */
    static long dryRun(String url, String token, Path file) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest post = upload(url + "/api/v1/ingestions/dry-run", token, file, Map.of("source", "aws-cur", "sample", "0"));
        long t0 = System.nanoTime();
        HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (answer.statusCode() != 200) throw new IllegalStateException("dry run answered " + answer.statusCode() + ": " + answer.body());
        return ms;
    }

    /** A multipart POST of the form fields and the file (streamed from disk, not held in memory). */
    static HttpRequest upload(String target, String token, Path file, Map<String, String> fields) throws IOException {
        String boundary = "outlay-bench-" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        fields.forEach((k, v) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(k)
                .append("\"\r\n\r\n").append(v).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(file.getFileName()).append("\"\r\nContent-Type: application/gzip\r\n\r\n");
        return HttpRequest.newBuilder(URI.create(target))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head.toString()),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
    }

    /** DuckDB allocates outside the Java heap, so the process's high-water resident set is its fair memory figure. */
    static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format("%,d MB", kb / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return "n/a";
    }

    private IngestBench() {
    }
}
