/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.carbon.FactorSet;
import dev.outlay.carbon.InstanceShape;
import dev.outlay.carbon.ProviderFactors;
import dev.outlay.carbon.WattRange;
import dev.outlay.decisions.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Factor sets as text: strict parsing (unknown fields refused, numbers as exact decimals) and the canonical form
 * whose SHA-256 is the version. Canonical = keys sorted, decimals in plain notation exactly as written, dates ISO.
 */
final class FactorSetJson {

    private final ObjectReader reader;
    private final ObjectMapper mapper;

    FactorSetJson(ObjectMapper shared) {
        // Fields added after sets were first stored are left out while empty, so a set without them has the
        // canonical text, and therefore the version, it had before (method 2 added GPUs: gpuModels, gpus, gpuModel).
        this.mapper = shared.copy()
                .addMixIn(ProviderFactors.class, ProviderFactorsAdditions.class)
                .addMixIn(InstanceShape.class, InstanceShapeAdditions.class);
        this.reader = mapper.readerFor(FactorSet.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** The request body as a factor set; malformed JSON or a wrong type is a 400 naming where. */
    FactorSet parse(String json) {
        if (json == null || json.isBlank()) throw ProblemException.badRequest("A factor set body is required.", Problem.Fault.at("", "required"));
        try {
            return reader.readValue(json);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw ProblemException.badRequest("The factor set is not valid JSON for its schema: " + e.getOriginalMessage(),
                    Problem.Fault.at(field, e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("The factor set is not valid JSON: " + e.getOriginalMessage(),
                    Problem.Fault.at("", "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        }
    }

    /** Stored text is canonical and was checked when stored. */
    FactorSet read(String canonical) {
        try {
            return reader.readValue(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored factor set is not readable", e);
        }
    }

    String canonical(FactorSet set) {
        return CanonicalJson.write(CanonicalJson.toJava(mapper.valueToTree(set)));
    }

    abstract static class ProviderFactorsAdditions {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract Map<String, WattRange> gpuModels();
    }

    abstract static class InstanceShapeAdditions {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Integer gpus();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String gpuModel();

        @JsonIgnore
        abstract boolean accelerated();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
