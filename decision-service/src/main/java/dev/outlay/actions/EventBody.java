/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A delivery's event as the issue and dispatch channels read it: the JSON the outbox wrote, whether it is a
 * connection's "send test", and the subject the kept external link is keyed on.
 */
record EventBody(JsonNode node, boolean test, String subjectType, String subjectId) {

    static EventBody read(ObjectMapper json, Outbound message) throws JsonProcessingException {
        JsonNode node = json.readTree(message.body());
        return new EventBody(node, "outlay.test".equals(node.path("type").asText()),
                node.path("subject").path("type").asText(), node.path("subject").path("id").asText());
    }

    /** The outbox only writes JSON, so this is a hand-edited row: a failed attempt that says why, never a send. */
    static SendResult unreadable(JsonProcessingException e) {
        return new SendResult(null, null, "event body unreadable: " + e.getOriginalMessage());
    }
}
