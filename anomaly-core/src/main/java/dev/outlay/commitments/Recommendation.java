package dev.outlay.commitments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Recommendations for one usage pool from [{@code basisFrom}, {@code basisTo}] (the days the levels were fitted on).
 * {@code status} is {@code RECOMMENDED}, {@code NO_SAVINGS} (no level saves money) or {@code INSUFFICIENT_DATA}
 * (fewer than the minimum days). {@code currentMonthlyOde}: the basis' ODE per 730 hours.
 */
public record Recommendation(String status, String engineVersion, LocalDate basisFrom, LocalDate basisTo, int basisDays,
                             BigDecimal currentMonthlyOde, List<Guard> guards, Confidence confidence, List<OfferRecommendation> offers) {
}
