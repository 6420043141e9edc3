/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import java.util.Map;

/** A rule version ready to run. Thread-safe: one instance serves all concurrent evaluations of its hash. */
public interface CompiledVersion {

    String hash();

    RuleKind kind();

    InputContract inputs();

    /** Evaluates already-validated inputs; returns the outputs as plain values (see {@link CanonicalJson#normalize}). */
    Map<String, Object> evaluate(Map<String, Object> inputs);

    /** Evaluation failed inside the engine (e.g. several rows hit in a UNIQUE table, a result of the wrong type). */
    class EvaluationException extends RuntimeException {
        private final transient java.util.List<ValidationMessage> messages;

        public EvaluationException(String message, java.util.List<ValidationMessage> messages) {
            super(message);
            this.messages = messages;
        }

        public java.util.List<ValidationMessage> messages() {
            return messages;
        }
    }
}
