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
