/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.support;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Adobe S3Mock in a JVM of its own (its Spring Boot classpath and Quarkus' cannot share one). The jar is copied
 * to target/s3mock by the build; the process listens on a free loopback port and is stopped by {@link #close}.
 */
public final class S3MockProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "s3mock", "s3mock-exec.jar");

    private final Process process;
    private final int port;

    private S3MockProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static S3MockProcess start() throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) throw new IllegalStateException(JAR + " is missing: run the tests through Maven (it copies S3Mock there)");
        int http = freePort();
        int https = freePort();
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "s3mock-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(),
                "--server.address=127.0.0.1", "--server.port=" + https, "--com.adobe.testing.s3mock.httpPort=" + http,
                "--com.adobe.testing.s3mock.domain.root=" + dir.resolve("data"), "--spring.main.banner-mode=off"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3mock.log").toFile()).start();
        S3MockProcess mock = new S3MockProcess(p, http);
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        long deadline = System.nanoTime() + 180_000_000_000L; // a loaded 2-CPU box can take a while to boot Spring
        while (!mock.answers()) {
            if (!p.isAlive()) throw new IllegalStateException("S3Mock exited with " + p.exitValue() + "; see " + dir.resolve("s3mock.log"));
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("S3Mock did not answer within 180 s; see " + dir.resolve("s3mock.log"));
            }
            Thread.sleep(250);
        }
        return mock;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A client with the dummy credentials S3Mock accepts. */
    public S3Client client() {
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    public void put(S3Client s3, String bucket, String key, byte[] bytes) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    private boolean answers() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
