package dev.outlay.carbon.api;

import dev.outlay.carbon.FactorSet;

/** A factor set with its coefficients, as stored (the canonical JSON of {@code factors} hashes to {@code summary.version}). */
public record FactorSetDetail(FactorSetSummary summary, FactorSet factors) {
}
