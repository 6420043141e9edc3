package dev.outlay.carbon;

import java.math.BigDecimal;
import java.util.List;

/** Usage of one group the method could not estimate, by reason and currency: how many rows and what they cost. */
public record UnestimatedUsage(List<String> group, Unestimated reason, String currency, long rows, BigDecimal cost) {
}
