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
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.outlay.ledger.LedgerTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./outlay ingest} against the running test service: a failed load exits non-zero with the problem detail,
 * a good one exits 0, and {@code --json} prints nothing but JSON on stdout.
 */
@QuarkusTest
class CliIngestTest {

    record Run(int exit, String out, String err) {
    }

    static Run outlay(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of("..", "outlay").toAbsolutePath().normalize().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("OUTLAY_URL", "http://localhost:" + RestAssured.port);
        pb.environment().put("OUTLAY_DATA_DIR", Path.of("target", "test-data").toAbsolutePath().toString());
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "outlay ingest did not finish");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static Path file(String name, byte[] bytes) throws IOException {
        Path f = Files.createTempDirectory("cli").resolve(name);
        Files.write(f, bytes);
        return f;
    }

    @Test
    void aFailedLoadExitsNonZeroWithTheProblem() throws Exception {
        Path bad = file("bad.csv", "date,amount\n2024-10-01,12.5O\n".getBytes(StandardCharsets.UTF_8));
        Run r = outlay("ingest", "--tenant", "cli-fail", "--source", "invoice-csv", bad.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("failed") && r.err().contains("\"line\""), r.err());

        Run j = outlay("ingest", "--json", "--tenant", "cli-fail", "--source", "invoice-csv", bad.toString());
        assertEquals(1, j.exit(), j.out() + j.err());
        JsonNode answer = new ObjectMapper().readTree(j.out());
        assertEquals("failed", answer.path("status").asText(), j.out());
        assertEquals(422, answer.path("error").path("status").asInt(), j.out());
    }

    @Test
    void aRefusedUploadExitsNonZero() throws Exception {
        Path f = file("x.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        Run r = outlay("ingest", "--json", "--tenant", "cli-refused", "--source", "no-such-kind", f.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals(400, new ObjectMapper().readTree(r.out()).path("status").asInt(), r.out());
    }

    @Test
    void aGoodLoadPrintsOnlyJsonWithJson() throws Exception {
        Path mapping = file("saas-mapping.json", fixture("invoice/saas-mapping.json"));
        Path invoice = file("saas-invoice.csv", fixture("invoice/saas-invoice.csv"));
        Run r = outlay("ingest", "--json", "--tenant", "cli-ok", "--source", "invoice-csv", "--mapping", mapping.toString(),
                invoice.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("succeeded", new ObjectMapper().readTree(r.out()).path("status").asText(), r.out());
        assertEquals("", r.err().trim(), "--json writes nothing else");
    }
}
