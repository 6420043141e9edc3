/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.support;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.core.util.BinaryData;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Azurite's blob service (npm {@code azurite}, installed into tools/azurite by .ci/run) in a process of its own on a
 * free loopback port, with its data in a temporary folder; {@link #close} stops it. Fails, rather than skips, when
 * it cannot start: CI installs it, and a skipped test would pass for nothing.
 */
public final class AzuriteProcess implements AutoCloseable {

    /** Azurite's built-in account and its published development key (not a secret: it is in Azure's docs). */
    public static final String ACCOUNT = "devstoreaccount1";
    public static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    static final Path BIN = Path.of("..", "tools", "azurite", "node_modules", ".bin", "azurite-blob");

    private final Process process;
    private final int port;

    private AzuriteProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static AzuriteProcess start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BIN)) install();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "azurite-");
        Process p = new ProcessBuilder(List.of(BIN.toAbsolutePath().normalize().toString(), "--blobHost", "127.0.0.1",
                "--blobPort", String.valueOf(port), "--location", dir.resolve("data").toString(), "--skipApiVersionCheck", "--loose",
                "--silent"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("azurite.log").toFile()).start();
        AzuriteProcess azurite = new AzuriteProcess(p, port);
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!azurite.listening()) {
            if (!p.isAlive()) throw new IllegalStateException("Azurite exited with " + p.exitValue() + "; see " + dir.resolve("azurite.log"));
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("Azurite did not listen within 60 s; see " + dir.resolve("azurite.log"));
            }
            Thread.sleep(200);
        }
        return azurite;
    }

    /**
     * A fresh clone has no node_modules: install the pinned package with the npm client, so README's test command works
     * without .ci/run's install step (npm, like the browser checks, is then the one thing the tests need).
     */
    private static void install() throws IOException, InterruptedException {
        Path dir = BIN.getParent().getParent().getParent();
        Process npm = new ProcessBuilder(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--package-lock=false"))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!npm.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) npm.destroyForcibly();
        if (!Files.isExecutable(BIN)) {
            throw new IllegalStateException(BIN.toAbsolutePath().normalize() + " is missing and `npm install` in " + dir.toAbsolutePath().normalize()
                    + " did not provide it (.ci/run installs it)");
        }
    }

    /** The blob endpoint of the emulator's account, as a connection's {@code endpoint}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    /** A container client with the account key, created if missing. */
    public BlobContainerClient container(String name) {
        String cs = "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";BlobEndpoint=" + endpoint() + ";";
        BlobContainerClient c = new BlobServiceClientBuilder().connectionString(cs).buildClient().getBlobContainerClient(name);
        if (!c.exists()) c.create();
        return c;
    }

    public void put(BlobContainerClient c, String name, byte[] bytes) {
        c.getBlobClient(name).upload(BinaryData.fromBytes(bytes), true);
    }

    /** A container SAS (read + list) expiring at {@code expiry}. */
    public String sas(BlobContainerClient c, OffsetDateTime expiry) {
        return c.generateSas(new BlobServiceSasSignatureValues(expiry, new BlobContainerSasPermission().setReadPermission(true)
                .setListPermission(true)).setStartTime(expiry.minusDays(1)));
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
