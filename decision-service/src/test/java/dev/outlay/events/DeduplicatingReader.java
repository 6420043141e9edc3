/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The consumer-side deduplication docs/events.md describes: Outlay publishes at least once, so a consumer keeps
 * the eventIds it has processed (here in memory; a real one stores them with its own effects, in one transaction)
 * and drops a record whose id it has seen. The id is in the {@code eventId} header, so no parse is needed to drop.
 */
final class DeduplicatingReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Set<String> seen = new HashSet<>();

    /** The envelopes not seen before, in record order. */
    List<JsonNode> accept(List<ConsumerRecord<String, String>> records) {
        List<JsonNode> fresh = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            String id = new String(r.headers().lastHeader("eventId").value(), StandardCharsets.UTF_8);
            if (!seen.add(id)) continue;
            try {
                fresh.add(JSON.readTree(r.value()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return fresh;
    }
}
