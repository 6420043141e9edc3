/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The ListResponse message (RFC 7644 §3.4.2); resources are SCIM JSON, which schema extensions keep open-ended. */
@JsonPropertyOrder({"schemas", "totalResults", "startIndex", "itemsPerPage", "Resources"})
public record ScimListResponse(List<String> schemas, int totalResults, int startIndex, int itemsPerPage,
                               @JsonProperty("Resources") List<JsonNode> resources) {

    public static ScimListResponse of(List<JsonNode> resources, int totalResults, int startIndex) {
        return new ScimListResponse(List.of(ScimMedia.LIST), totalResults, startIndex, resources.size(), resources);
    }
}
