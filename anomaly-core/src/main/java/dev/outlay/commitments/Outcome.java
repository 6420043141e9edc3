package dev.outlay.commitments;

import java.math.BigDecimal;

/**
 * A fixed commitment of {@code coveredPerHour} ODE dollars per hour applied to a usage series: totals over its
 * {@code hours}. {@code commitmentCost} = hours × (1 − d) × covered per hour; {@code unusedCommitment} is the part of
 * it no usage consumed; savings = ODE − commitment cost − ODE left on demand.
 */
public record Outcome(BigDecimal hours, BigDecimal ode, BigDecimal coveredOde, BigDecimal commitmentCost, BigDecimal onDemandCost,
                      BigDecimal unusedCommitment, BigDecimal savings) {
}
