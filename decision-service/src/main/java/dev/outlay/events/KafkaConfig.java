/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@code outlay.kafka.*}: domain events out (the outbox publisher) and billing-file notifications in. */
@ConfigMapping(prefix = "outlay.kafka")
public interface KafkaConfig {

    /** Write domain events into the outbox at all; a single box has no broker, so off by default. */
    @WithDefault("false")
    boolean enabled();

    /** {@code host:port[,host:port]} of the brokers. Required when events or notifications are on. */
    Optional<String> bootstrapServers();

    /** Run the outbox publisher on this instance (several may: each tenant is published by one at a time). */
    @WithDefault("true")
    boolean publisher();

    /** The one topic every domain event goes to (key: tenant id, header {@code kind}). */
    @WithDefault("outlay.events")
    String topic();

    /** How often the scheduled publisher looks for unpublished events (read by its {@code @Scheduled}). */
    @WithDefault("2s")
    String publishEvery();

    /** Events claimed per tenant and pass. */
    @WithDefault("200")
    int batchSize();

    /** How long a send may wait for the broker's acknowledgement before the rows are left for the next pass. */
    @WithDefault("PT10S")
    Duration sendTimeout();

    /**
     * Days a published event stays in the outbox (the record of what was sent, for a consumer that asks); 0 keeps
     * them forever. Unpublished events are never deleted, whatever their age.
     */
    @WithDefault("30")
    int retainPublishedDays();

    /**
     * Further client properties passed to producer and consumer as they are (TLS, SASL), e.g.
     * {@code outlay.kafka.client."security.protocol"=SSL}.
     */
    @WithName("client")
    Map<String, String> client();

    Notifications notifications();

    /** {@code outlay.kafka.notifications.*}: the consumer of billing-file notifications. */
    interface Notifications {

        @WithDefault("false")
        boolean enabled();

        @WithDefault("outlay.billing-notifications")
        String topic();

        @WithDefault("outlay-billing-notifications")
        String groupId();
    }
}
