/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a remediation run is given: the event, its subject and the link to the evidence in the console. */
final class Dispatch {

    private Dispatch() {
    }

    static Map<String, String> inputs(JsonNode event, Optional<String> consoleLink) {
        String type = event.path("subject").path("type").asText();
        String id = event.path("subject").path("id").asText();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("eventId", event.path("eventId").asText());
        out.put("deliveryId", event.path("deliveryId").asText());
        out.put("kind", event.path("kind").asText());
        out.put("subjectType", type);
        out.put("subjectId", id);
        if (event.hasNonNull("owner")) out.put("owner", event.path("owner").asText());
        if (event.hasNonNull("environment")) out.put("environment", event.path("environment").asText());
        consoleLink.ifPresent(link -> out.put("evidenceUrl", link.replace("{type}", type).replace("{id}", id)));
        return out;
    }
}
