/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Starts {@link KafkaBroker} for the tests of {@link KafkaProfile} and points the service at it. Test resources
 * live in another class loader than the tests, so the broker is handed to them as a JDK type: a field
 * {@code Function<String, String> kafkaBroker} receives a control that answers {@code "down"}, {@code "up"} and
 * {@code "servers"} (the bootstrap address).
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.start();
        Map<String, String> config = new HashMap<>();
        config.put("outlay.kafka.enabled", "true");
        config.put("outlay.kafka.bootstrap-servers", broker.bootstrapServers());
        // the tests drive EventPublisher themselves, so broker-down and re-send cases are not raced by the schedule
        config.put("outlay.kafka.publisher", "false");
        config.put("outlay.kafka.send-timeout", "PT3S");
        config.put("outlay.kafka.notifications.enabled", "true");
        config.put("quarkus.log.category.\"org.apache.kafka\".level", "WARN");
        config.put("quarkus.log.category.\"kafka\".level", "WARN");
        config.put("quarkus.log.category.\"state.change.logger\".level", "WARN");
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        Function<String, String> control = command -> {
            switch (command) {
                case "down" -> broker.down();
                case "up" -> broker.up();
                case "servers" -> { }
                default -> throw new IllegalArgumentException(command);
            }
            return broker.bootstrapServers();
        };
        injector.injectIntoFields(control, f -> f.getName().equals("kafkaBroker") && f.getType() == Function.class);
    }

    @Override
    public void stop() {
        if (broker != null) broker.close();
    }
}
