package dev.outlay.money;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One {@code base} unit is worth {@code rate} units of {@code quote}, from {@code date} on. */
public record FxRate(LocalDate date, String base, String quote, BigDecimal rate) {
}
