/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One logged evaluation. Inputs and outputs are kept as the exact canonical JSON text that was written, and are
 * served raw, so what a client reads is byte for byte what replay compares against.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionRecord(UUID id, String ruleSet, String versionHash, @JsonRawValue String inputs,
                             @JsonRawValue String outputs, String caller, Instant at, UUID runId, Integer rowCount) {

    @JsonIgnore
    public Map<String, Object> inputValues() {
        return CanonicalJson.readObject(inputs);
    }

    @JsonIgnore
    public Map<String, Object> outputValues() {
        return CanonicalJson.readObject(outputs);
    }
}
