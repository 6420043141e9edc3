/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.support;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) inside the test JVM, on loopback ports chosen at
 * start. Its log directory is formatted by writing the {@code meta.properties} that {@code kafka-storage format}
 * would write; the bootstrap metadata version is then the release's default. Stop and start again keep the ports
 * and the data, which is how the tests take the broker away and bring it back.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public static KafkaBroker start() {
        try {
            Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "kafka-");
            Files.writeString(dir.resolve("meta.properties"), "version=1\ncluster.id=" + Uuid.randomUuid() + "\nnode.id=1\n",
                    StandardCharsets.UTF_8);
            KafkaBroker b = new KafkaBroker(dir, freePort(), freePort());
            b.up();
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void up() {
        if (server != null) return;
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // small and quick: a test broker holds a few hundred records
        p.put("log.segment.bytes", "1048576");
        p.put("controlled.shutdown.enable", "false");
        p.put("controller.quorum.election.timeout.ms", "500");
        p.put("controller.quorum.fetch.timeout.ms", "1000");
        server = new KafkaRaftServer(new KafkaConfig(p, false), Time.SYSTEM);
        server.startup();
    }

    public synchronized void down() {
        if (server == null) return;
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public void close() {
        down();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
