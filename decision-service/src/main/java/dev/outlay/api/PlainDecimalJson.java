/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A 200 JSON answer whose decimals are written in plain notation (0.000000, not 0E-6): reports whose figures keep a
 * fixed scale write them as computed, and the same figures always give the same bytes.
 */
public final class PlainDecimalJson {

    private PlainDecimalJson() {
    }

    public static Response ok(ObjectMapper mapper, Object entity) {
        try {
            return Response.ok(mapper.writer().with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsString(entity),
                    MediaType.APPLICATION_JSON).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + entity.getClass().getSimpleName(), e);
        }
    }
}
