package dev.outlay.economics;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Allocated effective cost of one owner scope on one day in one currency. */
public record CostDay(LocalDate day, String currency, BigDecimal amount) {
}
