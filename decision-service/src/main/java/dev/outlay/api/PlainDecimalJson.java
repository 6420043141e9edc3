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
